using NokoBot.Domain.Councils;
using NokoBot.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace NokoBot.Telegram;

/// <summary>
/// The secretary's buttons under <c>/settings</c>: «cs:ReminderTime» and so on ask for a value; «cp:1» / «cp:0» switch
/// the public status page on or off (the data names the state wanted, so a second press changes nothing more). The
/// presser is checked again, and a typed value is read by the domain's <see cref="CouncilSettingsInput"/>.
/// </summary>
public static class CouncilSettingsButtons
{
    private const string PublicPagePrefix = "cp:";

    public static InlineKeyboardMarkup For(bool publicPage) => new(
        Enum.GetValues<CouncilSetting>().Chunk(2)
            .Select(pair => pair.Select(s => InlineKeyboardButton.WithCallbackData(CouncilSettingsTexts.Button(s), Data(s))).ToArray())
            .Append([InlineKeyboardButton.WithCallbackData(CouncilSettingsTexts.PublicPageButton(publicPage), PublicPageData(!publicPage))]));

    public static string Data(CouncilSetting setting) => "cs:" + setting;

    public static string PublicPageData(bool on) => PublicPagePrefix + (on ? "1" : "0");

    public static bool TryParse(string? data, out CouncilSetting setting)
    {
        setting = default;
        return data is not null && data.StartsWith("cs:", StringComparison.Ordinal)
            && Enum.TryParse(data.AsSpan(3), out setting) && Enum.IsDefined(setting) && !char.IsDigit(data[3]);
    }

    /// <param name="on">The state the press asks for.</param>
    public static bool TryParsePublicPage(string? data, out bool on)
    {
        on = data == PublicPageData(true);
        return on || data == PublicPageData(false);
    }
}
