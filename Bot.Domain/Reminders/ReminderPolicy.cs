using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Replies;

namespace NokoBot.Domain.Reminders;

/// <summary>
/// Decides which reminders an item should get and when (DESIGN §2 Reminder). Pure: the same item, replies and
/// settings always give the same plan. The plan is consistent in time: a reminder is kept when, at its own
/// instant, its occurrence was still open for its audience — so replies stop later reminders, never earlier ones,
/// and the scheduler can replan after every reply without changing what was already due.
/// </summary>
/// <remarks>
/// A person should hear from the bot on few days: everything that can wait for it rides in the weekly message
/// (<see cref="CouncilSettings.WeeklyDay"/>): the week-ahead announcement, overdue items (weekly for a month, then
/// every other week, the same weeks for every item), the chair's escalation, monthly check-ins and the secretary's
/// date requests. Only the day before and the due day have days of their own. Reminders of a plan stop when its
/// year is over (an item postponed past it runs four weeks past its new date); then the secretary gets one note.
/// </remarks>
public sealed class ReminderPolicy(CouncilSettings settings, TimeZoneInfo zone, ProductionCalendar calendar)
{
    /// <summary>An item postponed past the plan year is still nagged this long after its new due date.</summary>
    public const int OverdueGraceDays = 28;

    /// <summary>Every reminder of the item up to and including the council-local day <paramref name="until"/>.</summary>
    public IReadOnlyList<PlannedReminder> Plan(ReminderInput item, DateOnly until)
    {
        var closedAt = ClosedAt(item);
        var planned = new List<PlannedReminder>();
        var yearStart = new DateOnly(item.PlanYear, 1, 1);

        if (ItemOccurrences.Of(item.Deadline, item.DueOverride, item.PlanYear, item.Parties, item.Replies,
                ItemProgress.ProtocolClosesItem(item.Result), zone) is { } occurrences)
        {
            var all = occurrences.All;
            for (var i = 0; i < all.Count; i++)
            {
                // An occurrence's overdue notices stop when the next one falls due: one stream of nagging at a time.
                var next = i + 1 < all.Count ? all[i + 1].Dues[0].Due.AddDays(-1) : until;
                planned.AddRange(OccurrenceReminders(item, all[i], closedAt, next < until ? next : until));
            }
        }
        else if (item.Deadline is ContinuousDeadline && item.DueOverride is null && !HasPostponement(item))
        {
            planned.AddRange(Checkins(item, closedAt, until));
        }
        else
        {
            var due = DueDates.Current(item.Deadline, null, item.DueOverride, item.AnchorDate, calendar, yearStart);
            var occurrence = SingleOccurrence(item, due);
            if (occurrence is not null)
                planned.AddRange(OccurrenceReminders(item, occurrence, closedAt, until));
            if (due is null && item.Deadline.Kind is DeadlineKind.Unscheduled or DeadlineKind.Unknown && settings.AskForDates)
                planned.AddRange(AskForDate(item, closedAt, until));
        }
        // The chair is told once per item, about the first occurrence that stayed open that long.
        var escalation = planned.Where(r => r.Kind == ReminderKind.Escalation).MinBy(r => r.At);
        planned.RemoveAll(r => r.Kind == ReminderKind.Escalation && r != escalation);
        return [.. planned.OrderBy(r => r.At).ThenBy(r => r.Kind)];
    }

    /// <summary>The day the secretary is told that the plan's year is over: the first weekly message of the next year.</summary>
    public DateOnly PlanOverDay(int planYear) => WeeklySlotOnOrAfter(new DateOnly(planYear + 1, 1, 1));

    /// <summary>The day the secretary is offered a draft of next year's plan: the first weekly message from 1 December.</summary>
    public DateOnly RolloverOfferDay(int planYear) => WeeklySlotOnOrAfter(new DateOnly(planYear, 12, 1));

    /// <summary>
    /// When a member gets a reminder planned for <paramref name="day"/>: at their own hour or the council's, out of
    /// quiet hours; a member who asked for the weekly summary only gets it in the weekly message of its week.
    /// </summary>
    public DateTimeOffset InstantFor(DateOnly day, MemberPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.WeeklySummaryOnly && WeeklySlot(day) is var slot && slot <= day) day = slot;
        return Instant(day, preferences.ReminderTime ?? settings.ReminderTime);
    }

    /// <summary>The council-local day of the weekly message of the week holding <paramref name="day"/>.</summary>
    public DateOnly WeeklySlot(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return calendar.NextWorkingDay(monday.AddDays(((int)settings.WeeklyDay + 6) % 7));
    }

    private DateOnly WeeklySlotOnOrAfter(DateOnly day)
    {
        var slot = WeeklySlot(day);
        return slot >= day ? slot : WeeklySlot(day.AddDays(7));
    }

    private static bool HasPostponement(ReminderInput item) => item.Replies.Any(r => r.Kind == ReplyKind.Postponed && r.NewDate is not null);

    /// <summary>
    /// When the whole item closed: closed by the secretary, or (items due once) done by every party or by its protocol;
    /// an item due several times closes occurrence by occurrence.
    /// </summary>
    private static DateTimeOffset? ClosedAt(ReminderInput item)
    {
        if (OccurrenceSchedule.Of(item.Deadline, item.PlanYear) is not null && item.DueOverride is null)
            return item.Replies.Where(r => r.Kind == ReplyKind.Closed).Select(r => (DateTimeOffset?)r.At).Min();
        return ItemProgress.Of(item.Parties, item.Replies, item.Result).ClosedAt;
    }

    private static OccurrenceState? SingleOccurrence(ReminderInput item, DateOnly? due)
    {
        var postponements = item.Replies.Where(r => r.Kind == ReplyKind.Postponed && r.NewDate is not null).OrderBy(r => r.At).ToList();
        if (due is null && postponements.Count == 0) return null;

        var first = due ?? postponements[0].NewDate!.Value;
        var occurrence = new OccurrenceState(new PlannedOccurrence(DateOnly.MinValue, first, item.Deadline is WindowDeadline w && due is not null ? w.Start : null));
        if (due is null) occurrence.FirstDueFrom(postponements[0].At, postponements[0].Comment);
        foreach (var p in postponements.Skip(due is null ? 1 : 0)) occurrence.Postpone(p.NewDate!.Value, p.At, p.Comment);
        foreach (var done in item.Replies.Where(r => r.Kind == ReplyKind.Done && r.Party is not null))
            occurrence.Done(done.Party!, done.At);
        return occurrence;
    }

    private IEnumerable<PlannedReminder> OccurrenceReminders(ReminderInput item, OccurrenceState occurrence, DateTimeOffset? closedAt, DateOnly until)
    {
        var parties = PartiesOrSecretary(item);
        var audience = item.Parties.Count > 0 ? ReminderAudience.Parties : ReminderAudience.Secretary;
        var yearEnd = new DateOnly(item.PlanYear, 12, 31);
        var kept = new List<PlannedReminder>();
        for (var i = 0; i < occurrence.Dues.Count; i++)
        {
            var (due, from, _) = occurrence.Dues[i];
            var to = i + 1 < occurrence.Dues.Count ? occurrence.Dues[i + 1].From : DateTimeOffset.MaxValue;
            // Past the plan's year only an item the chair postponed beyond it is still followed, for a few weeks.
            var last = Earliest(until, due > yearEnd ? due.AddDays(OverdueGraceDays) : yearEnd);
            // «со дня поступления…»: the work starts with the event; there is nothing to be late for.
            var startsOnly = item.Deadline is RelativeDeadline { Amount: 0 } && item.DueOverride is null && i == 0;
            foreach (var (kind, day, sequence) in Candidates(due, i == 0 ? occurrence.Planned.WindowStart : null, item.PlanYear, last).Where(c => !startsOnly || c.Kind == ReminderKind.Due))
            {
                var at = Instant(day, settings.ReminderTime);
                if (at < from || at >= to || day > last) continue;
                if (closedAt is { } closed && closed <= at) continue;
                if (!occurrence.IsOpenAt(parties, at)) continue;
                var toChair = kind == ReminderKind.Escalation;
                var open = toChair ? parties : parties.Where(p => !occurrence.DoneAt.TryGetValue(p, out var d) || d > at).ToList();
                kept.Add(new PlannedReminder(item.ItemId, due, kind, day, at, toChair ? ReminderAudience.Chair : audience, open, sequence));
            }
        }
        // Two notices that land on the same day for the same people: keep the one closer to (or past) the due date.
        return kept.GroupBy(r => (r.Day, r.Audience, r.Occurrence)).Select(g => g.Last());
    }

    /// <summary>The notices of one due date, in the order of urgency.</summary>
    private IEnumerable<(ReminderKind Kind, DateOnly Day, int Sequence)> Candidates(DateOnly due, DateOnly? windowStart, int planYear, DateOnly last)
    {
        var dueDay = calendar.PreviousWorkingDay(due);
        var before = settings.BeforeDays.Where(d => d > 0).OrderDescending()
            .Select(days => (Days: days, Day: days >= 7 ? WeeklySlot(dueDay.AddDays(-days)) : calendar.PreviousWorkingDay(dueDay.AddDays(-days))))
            .Where(b => b.Day < dueDay)
            .ToList();
        if (windowStart is { } start && WeeklySlotOnOrAfter(start) is var opens
            && opens < (before.Count > 0 ? before[0].Day : dueDay))
            yield return (ReminderKind.Before, opens, due.DayNumber - start.DayNumber);
        foreach (var (days, day) in before) yield return (ReminderKind.Before, day, days);
        yield return (ReminderKind.Due, dueDay, 0);

        foreach (var day in OverdueDays(dueDay, planYear, last))
            yield return (ReminderKind.Overdue, day, day.DayNumber - due.DayNumber);
        if (settings.EscalateAfterDays > 0 && WeeklySlotOnOrAfter(due.AddDays(settings.EscalateAfterDays)) is var escalate && escalate <= last)
            yield return (ReminderKind.Escalation, escalate, settings.EscalateAfterDays);
    }

    /// <summary>
    /// The weekly messages after the due day: each of the first <see cref="CouncilSettings.OverdueWeeklyFor"/> weeks, then
    /// the weeks whose number since the plan year began is a multiple of <see cref="CouncilSettings.OverdueThenEveryWeeks"/>.
    /// </summary>
    private IEnumerable<DateOnly> OverdueDays(DateOnly dueDay, int planYear, DateOnly last)
    {
        var firstWeek = MondayOf(new DateOnly(planYear, 1, 1));
        var week = MondayOf(dueDay);
        for (var n = 1; ; n++)
        {
            week = week.AddDays(7);
            var slot = WeeklySlot(week);
            if (slot > last) yield break;
            if (slot <= dueDay) continue;
            var weekNumber = (week.DayNumber - firstWeek.DayNumber) / 7;
            if (n <= settings.OverdueWeeklyFor || (settings.OverdueThenEveryWeeks > 0 && weekNumber % settings.OverdueThenEveryWeeks == 0))
                yield return slot;
            else if (settings.OverdueThenEveryWeeks <= 0) yield break;
        }
    }

    private IEnumerable<PlannedReminder> Checkins(ReminderInput item, DateTimeOffset? closedAt, DateOnly until)
    {
        if (!settings.MonthlyCheckins) yield break;
        var audience = item.Parties.Count > 0 ? ReminderAudience.Parties : ReminderAudience.Secretary;
        for (var month = 1; month <= 12; month++)
        {
            var day = WeeklySlotOnOrAfter(new DateOnly(item.PlanYear, month, 1));
            var at = Instant(day, settings.ReminderTime);
            if (day > until || day.Year > item.PlanYear || (closedAt is { } closed && closed <= at)) yield break;
            yield return new PlannedReminder(item.ItemId, day, ReminderKind.Checkin, day, at, audience, PartiesOrSecretary(item), month);
        }
    }

    /// <summary>In every weekly message of the plan year, until the item gets a date or is closed.</summary>
    private IEnumerable<PlannedReminder> AskForDate(ReminderInput item, DateTimeOffset? closedAt, DateOnly until)
    {
        var firstDated = item.Replies.Where(r => r.Kind == ReplyKind.Postponed && r.NewDate is not null).Select(r => (DateTimeOffset?)r.At).Min();
        var previous = DateOnly.MinValue;
        var monday = MondayOf(new DateOnly(item.PlanYear, 1, 1));
        for (var week = 0; ; week++, monday = monday.AddDays(7))
        {
            var day = WeeklySlot(monday);
            // The plan year's first week may start in the year before; holidays can push two weeks' slots onto one day.
            if (day.Year < item.PlanYear || day == previous) continue;
            previous = day;
            var at = Instant(day, settings.ReminderTime);
            if (day > until || day.Year > item.PlanYear) yield break;
            if ((closedAt is { } closed && closed <= at) || (firstDated is { } dated && dated <= at)) yield break;
            yield return new PlannedReminder(item.ItemId, day, ReminderKind.AskDate, day, at, ReminderAudience.Secretary, item.Parties, week + 1);
        }
    }

    private static IReadOnlyList<string> PartiesOrSecretary(ReminderInput item) => item.Parties.Count > 0 ? item.Parties : [""];

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The council's reminder instants by day: a year's plan asks for the same few hundred days thousands of times.</summary>
    private readonly Dictionary<DateOnly, DateTimeOffset> _instants = [];

    /// <summary>The time on that day, moved out of quiet hours.</summary>
    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        if (time != settings.ReminderTime) return Convert(day, time);
        if (!_instants.TryGetValue(day, out var instant)) _instants[day] = instant = Convert(day, time);
        return instant;
    }

    private DateTimeOffset Convert(DateOnly day, TimeOnly time)
    {
        var (quietStart, quietEnd) = (settings.QuietHoursStart, settings.QuietHoursEnd);
        var quiet = quietStart > quietEnd ? time >= quietStart || time < quietEnd : time >= quietStart && time < quietEnd;
        if (quiet)
        {
            if (quietStart > quietEnd && time >= quietStart) day = day.AddDays(1);
            time = quietEnd;
        }
        return CouncilClock.ToInstant(day, time, zone);
    }
}
