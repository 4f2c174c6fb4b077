using NokoBot.Domain.Councils;
using NokoBot.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace NokoBot.Telegram;

/// <summary>
/// The secretary's buttons under <c>/settings</c>: «cs:ReminderTime» and so on. A press only asks for the value; the
/// presser is checked again, and the typed value is read by the domain's <see cref="CouncilSettingsInput"/>.
/// </summary>
public static class CouncilSettingsButtons
{
    public static InlineKeyboardMarkup For() => new(
        Enum.GetValues<CouncilSetting>().Chunk(2)
            .Select(pair => pair.Select(s => InlineKeyboardButton.WithCallbackData(CouncilSettingsTexts.Button(s), Data(s))).ToArray()));

    public static string Data(CouncilSetting setting) => "cs:" + setting;

    public static bool TryParse(string? data, out CouncilSetting setting)
    {
        setting = default;
        return data is not null && data.StartsWith("cs:", StringComparison.Ordinal)
            && Enum.TryParse(data.AsSpan(3), out setting) && Enum.IsDefined(setting) && !char.IsDigit(data[3]);
    }
}
