using System.Globalization;
using NokoBot.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace NokoBot.Telegram;

/// <summary>
/// The buttons under <c>/settings</c>: a reminder hour, or the weekly summary only. Data «s:h:9» (hour), «s:w:1»/«s:w:0»
/// (weekly only or not); like reminder buttons, they only name the change, and the presser's own settings change.
/// </summary>
public static class SettingsButtons
{
    private static readonly int[] Hours = [8, 9, 10, 12, 15, 18];

    public static InlineKeyboardMarkup For(bool weeklyOnly) => new(
    [
        [.. Hours.Select(h => InlineKeyboardButton.WithCallbackData(string.Create(CultureInfo.InvariantCulture, $"{h}:00"), string.Create(CultureInfo.InvariantCulture, $"s:h:{h}")))],
        [weeklyOnly
            ? InlineKeyboardButton.WithCallbackData(ChatTexts.ButtonDaily, "s:w:0")
            : InlineKeyboardButton.WithCallbackData(ChatTexts.ButtonWeeklyOnly, "s:w:1")],
    ]);

    /// <summary>The hour, or whether weekly-only is asked for.</summary>
    public static bool TryParse(string? data, out TimeOnly? hour, out bool? weeklyOnly)
    {
        hour = null;
        weeklyOnly = null;
        var parts = data?.Split(':');
        if (parts is not { Length: 3 } || parts[0] != "s") return false;
        if (parts[1] == "h" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 23)
        {
            hour = new TimeOnly(h, 0);
            return true;
        }
        if (parts[1] == "w" && parts[2] is "0" or "1")
        {
            weeklyOnly = parts[2] == "1";
            return true;
        }
        return false;
    }
}
