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
            RelativeDeadline r when anchorDate is { } anchor => AfterEvent(r, anchor, calendar),
            _ => null,
        };
    }

    /// <summary>The first due date on or after <paramref name="today"/> of a recurring deadline.</summary>
    public static DateOnly NextRecurringDue(RecurringDeadline deadline, DateOnly today)
    {
        var period = PeriodContaining(deadline.Every, today);
        // The previous period's work may still be due this month when a due day is set.
        var previous = PeriodContaining(deadline.Every, period.Start.AddDays(-1));
        var previousDue = DueOf(deadline, previous);
        if (previousDue >= today) return previousDue;
        return DueOf(deadline, period);
    }

    /// <summary>The due date of the occurrence covering <paramref name="period"/>.</summary>
    public static DateOnly DueOf(RecurringDeadline deadline, (DateOnly Start, DateOnly End) period)
    {
        if (deadline.DueDay is not { } day) return period.End;
        var next = period.End.AddDays(1);
        return new DateOnly(next.Year, next.Month, Math.Clamp(day, 1, DateTime.DaysInMonth(next.Year, next.Month)));
    }

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
