using System.Globalization;
using Telegram.Bot.Types.ReplyMarkups;

namespace NokoBot.Telegram;

/// <summary>What a reminder button asks for.</summary>
public enum ButtonAction { Done, PlusWeek, OtherDate, Protocol }

/// <summary>
/// The inline buttons under a reminder and their callback data, «r:&lt;action&gt;:&lt;item&gt;:&lt;member&gt;» — well under Telegram's
/// 64 bytes. The data only names things; whoever presses is checked again before anything changes.
/// </summary>
public static class ReminderButtons
{
    public static InlineKeyboardMarkup For(long itemId, long memberId) => new(
    [
        [Button("Готово", ButtonAction.Done, itemId, memberId), Button("+7 дней", ButtonAction.PlusWeek, itemId, memberId)],
        [Button("Другая дата", ButtonAction.OtherDate, itemId, memberId), Button("Протокол", ButtonAction.Protocol, itemId, memberId)],
    ]);

    public static string Data(ButtonAction action, long itemId, long memberId) =>
        string.Create(CultureInfo.InvariantCulture, $"r:{Code(action)}:{itemId}:{memberId}");

    public static bool TryParse(string? data, out ButtonAction action, out long itemId, out long memberId)
    {
        action = default;
        itemId = memberId = 0;
        var parts = data?.Split(':');
        if (parts is not { Length: 4 } || parts[0] != "r") return false;
        action = parts[1] switch { "d" => ButtonAction.Done, "w" => ButtonAction.PlusWeek, "o" => ButtonAction.OtherDate, "p" => ButtonAction.Protocol, _ => (ButtonAction)(-1) };
        return Enum.IsDefined(action)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out itemId)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out memberId);
    }

    private static InlineKeyboardButton Button(string text, ButtonAction action, long itemId, long memberId) =>
        InlineKeyboardButton.WithCallbackData(text, Data(action, itemId, memberId));

    private static string Code(ButtonAction action) => action switch
    {
        ButtonAction.Done => "d",
        ButtonAction.PlusWeek => "w",
        ButtonAction.OtherDate => "o",
        _ => "p",
    };
}
