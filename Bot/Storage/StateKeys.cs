using System.Globalization;

namespace NokoBot.Storage;

/// <summary>The keys of the <c>state</c> table, named in one place.</summary>
public static class StateKeys
{
    /// <summary>The Telegram update offset: the next update to handle.</summary>
    public const string TelegramOffset = "telegram.offset";

    /// <summary>
    /// The instant a council not yet scheduled (no <c>council_schedule</c> row) starts planning from: the service's last
    /// look for new councils, or — before per-council marks existed — the instant up to which the single sweep had
    /// written due deliveries to the ledger.
    /// </summary>
    public const string SweptUntil = "scheduler.swept_until";

    /// <summary>The council's Telegram group (<c>/linkgroup</c>): meeting agendas go there too.</summary>
    public static string TelegramGroup(long councilId) => string.Create(CultureInfo.InvariantCulture, $"telegram.group:{councilId}");

    /// <summary>The item a Telegram user is asked a date for (after «Другая дата»).</summary>
    public static string AwaitDate(long userId) => string.Create(CultureInfo.InvariantCulture, $"telegram.await-date:{userId}");

    /// <summary>The council setting a Telegram user (the secretary) is asked a value for, after its /settings button.</summary>
    public static string AwaitSetting(long userId) => string.Create(CultureInfo.InvariantCulture, $"telegram.await-setting:{userId}");
}
