namespace NokoBot.Domain.Deadlines;

/// <summary>
/// One planned occurrence of an item with several: when it is due, where its window starts (a series' window), and
/// the first day a reply counts for it — the day after the occurrence before it fell due (the first: any day).
/// </summary>
public sealed record PlannedOccurrence(DateOnly Opens, DateOnly Due, DateOnly? WindowStart);

/// <summary>The occurrences of a recurring or series deadline in a plan's year (DESIGN §2 Occurrence).</summary>
public static class OccurrenceSchedule
{
    /// <summary>
    /// A recurring deadline: one occurrence per period whose due date lies in <paramref name="planYear"/> (so «до 10
    /// числа месяца, следующего за отчётным кварталом» is due 10 January for the last quarter before, and not in the
    /// next January). A series: one per window, in the years it names.
    /// </summary>
    /// <returns>null for a deadline with one occurrence at most.</returns>
    public static IReadOnlyList<PlannedOccurrence>? Of(Deadline deadline, int planYear) => deadline switch
    {
        RecurringDeadline r => Chain(PeriodDues(r, planYear).Select(due => (due, (DateOnly?)null))),
        SeriesDeadline s when s.Windows.Count > 0 => Chain(s.Windows.OrderBy(w => w.Start).Select(w => (w.End, (DateOnly?)w.Start))),
        _ => null,
    };

    private static IEnumerable<DateOnly> PeriodDues(RecurringDeadline deadline, int planYear)
    {
        // Start a period early: a due day in the following month makes the last period of the year before due in this one.
        var first = DueDates.PeriodContaining(deadline.Every, new DateOnly(planYear, 1, 1).AddDays(-1));
        for (var period = first; period.Start.Year <= planYear; period = DueDates.PeriodContaining(deadline.Every, period.End.AddDays(1)))
        {
            var due = DueDates.DueOf(deadline, period);
            if (due.Year == planYear) yield return due;
        }
    }

    private static List<PlannedOccurrence> Chain(IEnumerable<(DateOnly Due, DateOnly? WindowStart)> dues)
    {
        var occurrences = new List<PlannedOccurrence>();
        foreach (var (due, start) in dues)
            occurrences.Add(new PlannedOccurrence(occurrences.Count == 0 ? DateOnly.MinValue : occurrences[^1].Due.AddDays(1), due, start));
        return occurrences;
    }
}
