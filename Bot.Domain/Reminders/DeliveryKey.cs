using System.Globalization;

namespace NokoBot.Domain.Reminders;

/// <summary>
/// The idempotency key of a delivery: (occurrence, reminder kind, recipient, channel, sequence). The same planned
/// reminder always yields the same key, so the ledger can tell it was already written.
/// </summary>
public static class DeliveryKey
{
    /// <param name="occurrence">What the reminder is about: e.g. <c>item:42@2020-06-30</c>, <c>digest:1@2020-06-01</c>.</param>
    /// <param name="recipient">e.g. <c>member:7</c>, <c>mail:a@b.ru</c>, <c>chat:-100123</c>.</param>
    /// <param name="sequence">Distinguishes repeats of the same kind (the 1st, 3rd, 7th day overdue…).</param>
    public static string Create(string occurrence, ReminderKind kind, string recipient, string channel, int sequence = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"{occurrence}|{kind.ToName()}|{recipient}|{channel}|{sequence}");

    public static string ItemOccurrence(long itemId, DateOnly due) =>
        string.Create(CultureInfo.InvariantCulture, $"item:{itemId}@{due:yyyy-MM-dd}");

    public static string PlanOccurrence(long planId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"plan:{planId}@{year}");

    public static string DigestOccurrence(long councilId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"digest:{councilId}@{day:yyyy-MM-dd}");

    /// <param name="sequence">The meeting's sequence: a moved meeting is news again.</param>
    public static string MeetingOccurrence(long meetingId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"meeting:{meetingId}@{sequence}");

    /// <summary>The welcome letter of a member given an address at <paramref name="at"/>.</summary>
    public static string WelcomeOccurrence(long memberId, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"welcome:{memberId}@{at.ToUnixTimeMilliseconds()}");

    /// <summary>The letter carrying the code that confirms an address a member gave at <paramref name="at"/>.</summary>
    public static string AddressCodeOccurrence(long memberId, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"address-code:{memberId}@{at.ToUnixTimeMilliseconds()}");

    /// <summary>The answer to the letter recorded as <paramref name="letterId"/>: one per letter.</summary>
    public static string AnswerOccurrence(long letterId) => string.Create(CultureInfo.InvariantCulture, $"letter:{letterId}@answer");

    /// <summary>The secretary's notice about a member's contact: once per member and <paramref name="what"/> (a chat, an address's state).</summary>
    public static string NoticeOccurrence(long memberId, string what) => string.Create(CultureInfo.InvariantCulture, $"notice:{memberId}@{what}");

    /// <summary>The sequence part of a key (the meeting notice kind, the days before or after…).</summary>
    public static int SequenceOf(string key) =>
        int.TryParse(key.AsSpan(key.LastIndexOf('|') + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Reads back «type:id@rest» from a key's occurrence («meeting:5@2», «digest:1@2020-06-01»).</summary>
    public static bool TryParseOccurrence(string key, string type, out long id, out string rest)
    {
        id = 0;
        rest = "";
        var occurrence = key.Split('|')[0];
        if (!occurrence.StartsWith(type + ":", StringComparison.Ordinal)) return false;
        var at = occurrence.IndexOf('@', StringComparison.Ordinal);
        if (at <= type.Length + 1) return false;
        rest = occurrence[(at + 1)..];
        return long.TryParse(occurrence.AsSpan(type.Length + 1, at - type.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>The same delivery on another channel (a fallback after the first channel became unreachable).</summary>
    public static string WithChannel(string key, string channel)
    {
        var parts = key.Split('|');
        if (parts.Length != 5) throw new ArgumentException($"Not a delivery key: {key}", nameof(key));
        parts[3] = channel;
        return string.Join('|', parts);
    }

    /// <summary>Reads back the item and due date of a key made from <see cref="ItemOccurrence"/>.</summary>
    public static bool TryParseItemOccurrence(string key, out long itemId, out DateOnly date)
    {
        itemId = 0;
        date = default;
        var occurrence = key.Split('|')[0];
        if (!occurrence.StartsWith("item:", StringComparison.Ordinal)) return false;
        var at = occurrence.IndexOf('@', StringComparison.Ordinal);
        return at > 5
            && long.TryParse(occurrence.AsSpan(5, at - 5), NumberStyles.None, CultureInfo.InvariantCulture, out itemId)
            && DateOnly.TryParseExact(occurrence.AsSpan(at + 1), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
