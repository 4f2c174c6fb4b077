using System.Globalization;
using NokoBot.Domain.Plans;
using NokoBot.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace NokoBot.Telegram;

/// <summary>What a desk button asks for.</summary>
public enum DeskAction { Import, Cancel, Keep, Rollover }

/// <summary>
/// The buttons under a plan's preview and under the rollover offer. Data «p:i:&lt;draft&gt;» (import), «p:c:&lt;draft&gt;»
/// (cancel), «p:k:&lt;draft&gt;:&lt;n&gt;» (keep or drop the n-th unfinished item), «p:r:&lt;year&gt;» (draft next year's
/// plan): well under 64 bytes. They only name the draft; the press is checked again (its author, not settled, not
/// expired, the plan unchanged).
/// </summary>
public static class DeskButtons
{
    public static InlineKeyboardMarkup For(long draftId, IReadOnlyList<PreviewItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = new List<InlineKeyboardButton[]>();
        var optional = items.Where(i => i.Optional).ToList();
        // Up to four toggles a row; Telegram takes up to 100 buttons.
        foreach (var chunk in optional.Select((item, n) => (item, n)).Take(90).Chunk(4))
            rows.Add([.. chunk.Select(x => InlineKeyboardButton.WithCallbackData(DeskTexts.ButtonKeep(x.item.Number, x.item.Kept), Data(DeskAction.Keep, draftId, x.n)))]);
        rows.Add([
            InlineKeyboardButton.WithCallbackData(DeskTexts.ButtonImport, Data(DeskAction.Import, draftId)),
            InlineKeyboardButton.WithCallbackData(DeskTexts.ButtonCancel, Data(DeskAction.Cancel, draftId)),
        ]);
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>A reminder's buttons with the offer's under them (the offer rode with the secretary's reminders).</summary>
    public static InlineKeyboardMarkup WithOffer(InlineKeyboardMarkup? markup, int year) =>
        new([.. markup?.InlineKeyboard.Select(r => r.ToArray()) ?? [], .. Offer(year).InlineKeyboard.Select(r => r.ToArray())]);

    public static InlineKeyboardMarkup Offer(int year) => new([[InlineKeyboardButton.WithCallbackData(DeskTexts.ButtonRollover(year), Data(DeskAction.Rollover, year))]]);

    public static string Data(DeskAction action, long id, int? index = null) => action switch
    {
        DeskAction.Import => string.Create(CultureInfo.InvariantCulture, $"p:i:{id}"),
        DeskAction.Cancel => string.Create(CultureInfo.InvariantCulture, $"p:c:{id}"),
        DeskAction.Keep => string.Create(CultureInfo.InvariantCulture, $"p:k:{id}:{index ?? 0}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"p:r:{id}"),
    };

    /// <param name="id">The draft, or for <see cref="DeskAction.Rollover"/> the year.</param>
    public static bool TryParse(string? data, out DeskAction action, out long id, out int index)
    {
        action = default;
        id = 0;
        index = 0;
        var parts = data?.Split(':');
        if (parts is not { Length: 3 or 4 } || parts[0] != "p") return false;
        action = parts[1] switch { "i" => DeskAction.Import, "c" => DeskAction.Cancel, "k" => DeskAction.Keep, "r" => DeskAction.Rollover, _ => (DeskAction)(-1) };
        if (!Enum.IsDefined(action) || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out id)) return false;
        if (action == DeskAction.Keep) return parts.Length == 4 && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < 100;
        return parts.Length == 3;
    }
}
