using System.Globalization;
using NokoBot.Domain.Reminders;
using NokoBot.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace NokoBot.Telegram;

/// <summary>What a reminder button asks for.</summary>
public enum ButtonAction { Done, PlusWeek, OtherDate, Protocol }

/// <summary>
/// The inline buttons under a reminder and their callback data, «r:&lt;action&gt;:&lt;item&gt;:&lt;member&gt;» — well under Telegram's
/// 64 bytes. The data only names things; whoever presses is checked again before anything changes. A message about
/// one item has two rows of buttons; about several, a row per item.
/// </summary>
public static class ReminderButtons
{
    public static InlineKeyboardMarkup? For(IReadOnlyList<ReminderNotice> items, long memberId)
    {
        ArgumentNullException.ThrowIfNull(items);
        // One row per item: a recurring item's overdue quarter and next quarter share its buttons (done counts for the oldest).
        var answerable = items.Where(n => n.Kind is not (ReminderKind.AskDate or ReminderKind.Escalation)).DistinctBy(n => n.ItemId).ToList();
        if (answerable.Count == 0) return null;
        if (items.Count == 1) return For(answerable[0].ItemId, memberId);
        return new InlineKeyboardMarkup(answerable.Select(n => Row(n.ItemId, n.ItemNumber, memberId)));
    }

    public static InlineKeyboardMarkup For(long itemId, long memberId) => new(
    [
        [Button(ChatTexts.ButtonDone, ButtonAction.Done, itemId, memberId), Button(ChatTexts.ButtonWeek, ButtonAction.PlusWeek, itemId, memberId)],
        [Button(ChatTexts.ButtonOtherDate, ButtonAction.OtherDate, itemId, memberId), Button(ChatTexts.ButtonProtocol, ButtonAction.Protocol, itemId, memberId)],
    ]);

    /// <summary>One item's buttons in a message about several.</summary>
    public static InlineKeyboardButton[] Row(long itemId, string number, long memberId) =>
    [
        Button(ChatTexts.ButtonDoneFor(number), ButtonAction.Done, itemId, memberId),
        Button(ChatTexts.ButtonWeek, ButtonAction.PlusWeek, itemId, memberId),
        Button(ChatTexts.ButtonOtherDate, ButtonAction.OtherDate, itemId, memberId),
        Button(ChatTexts.ButtonProtocol, ButtonAction.Protocol, itemId, memberId),
    ];

    /// <summary>The keyboard without the buttons of <paramref name="itemId"/> (they were answered); null when none are left.</summary>
    public static InlineKeyboardMarkup? Without(InlineKeyboardMarkup? keyboard, long itemId)
    {
        if (keyboard is null) return null;
        var rows = keyboard.InlineKeyboard
            .Select(row => row.Where(b => !(TryParse(b.CallbackData, out _, out var id, out _) && id == itemId)).ToArray())
            .Where(row => row.Length > 0).ToList();
        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }

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
