using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Plans;

/// <summary>An item as a preview shows it: its deadline as written and as understood.</summary>
/// <param name="Optional">Rollover: an unfinished item the secretary keeps or drops.</param>
/// <param name="Kept">For an optional item: whether it is kept now.</param>
public sealed record PreviewItem(string Number, string Title, string DeadlineText, Deadline Deadline, bool Optional = false, bool Kept = true);

/// <summary>Where a draft came from, as its preview says.</summary>
public enum PreviewSource { Upload, Rollover }

/// <summary>
/// How a plan draft was understood, shown before anything is written: every item, the items needing a date or
/// waiting for an event, parties nobody is linked to, the reader's warnings; and, when the council already has a
/// plan for that year, the difference from it instead of the list.
/// </summary>
/// <param name="Diff">Set when the year's plan is stored already.</param>
/// <param name="RepliesKept">The stored plan's replies, which an import keeps.</param>
/// <param name="ReplacesYear">A plan of an earlier year that this one takes over from (its reminders stop).</param>
public sealed record PlanPreview(
    int Year, PreviewSource Source, string FileName, IReadOnlyList<PreviewItem> Items, PlanDiff? Diff, int RepliesKept,
    IReadOnlyList<string> NeedDate, IReadOnlyList<string> Waiting, IReadOnlyList<string> Unlinked, IReadOnlyList<string> Warnings,
    int? ReplacesYear, DateTimeOffset ExpiresAt, PlanLayout? Layout = null)
{
    /// <summary>The items needing a date and those waiting for an event, from a plan's items.</summary>
    public static (IReadOnlyList<string> NeedDate, IReadOnlyList<string> Waiting) Attention(IEnumerable<PlanItem> items)
    {
        var list = items.ToList();
        return ([.. list.Where(i => i.Deadline.Kind is DeadlineKind.Unscheduled or DeadlineKind.Unknown).Select(i => i.Number)],
                [.. list.Where(i => i.Deadline.Kind == DeadlineKind.Relative).Select(i => i.Number)]);
    }
}
