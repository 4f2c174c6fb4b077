using System.Globalization;

namespace NokoBot.Texts;

/// <summary>What <c>nokobot invite</c> says besides the link itself.</summary>
public static class InviteCliTexts
{
    public static string NoSuchParty(string councilName, string? party, string slug) =>
        $"В плане совета «{councilName}» нет ответственного «{party}». Точные названия: nokobot plan show --council {slug}";

    /// <summary>Stands for the bot's name in the link while <c>Telegram:BotUsername</c> is not configured.</summary>
    public const string BotNamePlaceholder = "<имя_бота>";

    public static string LinkFor(string? who, string councilName, DateTimeOffset expiresUtc) =>
        $"Одноразовая ссылка для «{who}» в совете «{councilName}» действует до {expiresUtc.ToString("dd.MM.yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}.";
}
