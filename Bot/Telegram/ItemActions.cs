using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Telegram;

/// <summary>Done and postpone, the same from a command and from a button: checked, recorded as replies, answered.</summary>
public sealed class ItemActions(TimeProvider time)
{
    /// <returns>The answer to show (HTML).</returns>
    public string Done(MemberView view, StoredPlanItem item, string? comment, UpdateEffects effects)
    {
        if (!view.CanActOn(item)) return TelegramTexts.NotYours(item.Number, item.Parties);
        var progress = view.Progress(item);
        if (progress.IsClosed) return TelegramTexts.AlreadyClosed(item.Number);
        var now = time.GetUtcNow();
        var own = view.PartiesFor(item).Where(progress.IsOpenFor).ToList();
        IReadOnlyList<Reply> replies = own.Count > 0
            ? [.. own.Select(p => new Reply(item.Id, ReplyKind.Done, now, p, view.Member.MemberId, comment))]
            // A secretary or chair without a party of this item closes it for everyone.
            : [new Reply(item.Id, ReplyKind.Done, now, null, view.Member.MemberId, comment)];
        foreach (var reply in replies) effects.Write((c, tx, ct) => ReplyStore.AppendAsync(c, tx, reply, ct));
        var closed = own.Count == 0 || item.Parties.All(p => !progress.IsOpenFor(p) || own.Contains(p));
        return TelegramTexts.Done(item.Number, item.Title, own, closed);
    }

    public string Postpone(MemberView view, StoredPlanItem item, DateOnly to, string? reason, UpdateEffects effects)
    {
        if (!view.CanActOn(item)) return TelegramTexts.NotYours(item.Number, item.Parties);
        if (view.Progress(item).IsClosed) return TelegramTexts.AlreadyClosed(item.Number);
        if (to < view.Today) return TelegramTexts.PastDate(to);
        var year = view.Snapshot.Plan!.Year;
        if (to.Year > year && !view.IsChair) return TelegramTexts.PastPlanYear(year);
        var reply = new Reply(item.Id, ReplyKind.Postponed, time.GetUtcNow(), null, view.Member.MemberId, reason, to);
        effects.Write((c, tx, ct) => ReplyStore.AppendAsync(c, tx, reply, ct));
        return TelegramTexts.Postponed(item.Number, item.Title, to, reason);
    }
}
