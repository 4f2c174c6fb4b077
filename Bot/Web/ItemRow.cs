using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>One item as the pages show it: where it stands today, its due date, its parties, its last reply.</summary>
public sealed record ItemRow(StoredPlanItem Item, ItemStatusName Status, DateOnly? Due, ItemProgress Progress, Reply? LastReply)
{
    /// <summary>
    /// The window still in force (not moved by a postponement or the secretary's date): a window deadline's, or, for an
    /// item due several times, its current occurrence's.
    /// </summary>
    public (DateOnly Start, DateOnly End)? Window => Progress.Occurrence is { } occurrence
        ? occurrence.Planned.WindowStart is { } start && occurrence.Dues.Count == 1 && start < occurrence.Due ? (start, occurrence.Due) : null
        : Item.Deadline is WindowDeadline w && Progress.PostponedTo is null && Item.DueOverride is null && w.Start < w.End ? (w.Start, w.End) : null;

    public static IReadOnlyList<ItemRow> Of(CouncilSnapshot snapshot, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [.. (snapshot.Plan?.Items ?? []).Select(item => Of(snapshot, item, today))];
    }

    public static ItemRow Of(CouncilSnapshot snapshot, StoredPlanItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(item);
        var progress = snapshot.Progress(item, today);
        var due = snapshot.CurrentDue(item, today);
        return new ItemRow(item, StatusOf(item.Deadline, progress, due, today), due, progress,
            snapshot.RepliesOf(item.Id).OrderBy(r => r.At).LastOrDefault());
    }

    /// <summary>Done; overdue past its due date; waiting for an event or for the secretary's date; otherwise open.</summary>
    public static ItemStatusName StatusOf(Deadline deadline, ItemProgress progress, DateOnly? due, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.IsClosed) return ItemStatusName.Done;
        if (due is { } d) return d < today ? ItemStatusName.Overdue : ItemStatusName.Open;
        return deadline switch
        {
            RelativeDeadline => ItemStatusName.WaitingForEvent,
            ContinuousDeadline => ItemStatusName.Open,
            _ => ItemStatusName.WaitingForDate,
        };
    }

    /// <summary>Who made a reply, as the history reads: the party, the member, or «секретарь».</summary>
    public static string Who(CouncilSnapshot snapshot, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Party ?? (reply.MemberId is { } id ? snapshot.Member(id)?.Name : null) ?? ChatTexts.SecretaryFallbackName;
    }

    public static string What(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Kind switch
        {
            ReplyKind.Done => ChatTexts.HistoryDone,
            ReplyKind.Postponed => ChatTexts.HistoryPostponed(reply.NewDate),
            ReplyKind.Protocol => ChatTexts.HistoryProtocol(reply.File?.FileName),
            _ => ChatTexts.HistoryClosed,
        };
    }

    public static DateTimeOffset LocalAt(CouncilSnapshot snapshot, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(reply);
        return CouncilClock.ToLocal(reply.At, snapshot.Zone);
    }
}
