namespace NokoBot.Domain.Deadlines;

/// <summary>The date an item is currently due by, from its deadline and what happened since.</summary>
public static class DueDates
{
    /// <param name="postponedTo">The latest postponement, which wins over everything.</param>
    /// <param name="dueOverride">A date the secretary set for the item.</param>
    /// <param name="anchorDate">The day the event of a relative deadline happened, if it has.</param>
    /// <param name="today">Council-local today: picks the current occurrence of a recurring item.</param>
    /// <returns>null when the item has no date yet (continuous, unscheduled, unknown, or an event not yet happened).</returns>
    public static DateOnly? Current(
        Deadline deadline, DateOnly? postponedTo, DateOnly? dueOverride, DateOnly? anchorDate,
        ProductionCalendar calendar, DateOnly today)
    {
        if (postponedTo is { } postponed) return postponed;
        if (dueOverride is { } set) return set;
        return deadline switch
        {
            WindowDeadline w => w.End,
            DateDeadline d => d.Date,
            RecurringDeadline r => NextRecurringDue(r, today),
            SeriesDeadline s => NextWindowEnd(s, today),
            RelativeDeadline r when anchorDate is { } anchor => AfterEvent(r, anchor, calendar),
            _ => null,
        };
    }

    /// <summary>The first due date on or after <paramref name="today"/> of a recurring deadline.</summary>
    public static DateOnly NextRecurringDue(RecurringDeadline deadline, DateOnly today)
    {
        // The previous period's work may still be due this month (a day in the following month); this period's may
        // already be past (a day early in its last month): the answer is one of three periods.
        var period = PeriodContaining(deadline.Every, PeriodContaining(deadline.Every, today).Start.AddDays(-1));
        while (DueOf(deadline, period) < today) period = PeriodContaining(deadline.Every, period.End.AddDays(1));
        return DueOf(deadline, period);
    }

    /// <summary>
    /// The due date of the occurrence covering <paramref name="period"/>: its last day, or the deadline's day of the
    /// period's last month, or of the month after it when the day falls in the following period.
    /// </summary>
    public static DateOnly DueOf(RecurringDeadline deadline, (DateOnly Start, DateOnly End) period)
    {
        if (deadline.Day is not { } day) return period.End;
        var month = deadline.Following ? period.End.AddDays(1) : period.End;
        return new DateOnly(month.Year, month.Month, Math.Clamp(day, 1, DateTime.DaysInMonth(month.Year, month.Month)));
    }

    /// <summary>The end of the first window of a series ending on or after <paramref name="today"/>; else of its last.</summary>
    public static DateOnly? NextWindowEnd(SeriesDeadline deadline, DateOnly today) =>
        deadline.Windows.Count == 0 ? null
        : deadline.Windows.FirstOrDefault(w => w.End >= today, deadline.Windows[^1]).End;

    public static (DateOnly Start, DateOnly End) PeriodContaining(RecurrencePeriod every, DateOnly day)
    {
        switch (every)
        {
            case RecurrencePeriod.Week:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return (monday, monday.AddDays(6));
            case RecurrencePeriod.Month:
                return Months(day.Year, day.Month, 1);
            case RecurrencePeriod.Quarter:
                return Months(day.Year, (day.Month - 1) / 3 * 3 + 1, 3);
            case RecurrencePeriod.HalfYear:
                return Months(day.Year, day.Month <= 6 ? 1 : 7, 6);
            default:
                return Months(day.Year, 1, 12);
        }
    }

    public static DateOnly AfterEvent(RelativeDeadline deadline, DateOnly anchor, ProductionCalendar calendar) => deadline.Unit switch
    {
        RelativeUnit.WorkingDays => calendar.AddWorkingDays(anchor, deadline.Amount),
        RelativeUnit.Weeks => anchor.AddDays(7 * deadline.Amount),
        RelativeUnit.Months => anchor.AddMonths(deadline.Amount),
        _ => anchor.AddDays(deadline.Amount),
    };

    private static (DateOnly Start, DateOnly End) Months(int year, int firstMonth, int count)
    {
        var start = new DateOnly(year, firstMonth, 1);
        return (start, start.AddMonths(count).AddDays(-1));
    }
}
