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
/// Before and due reminders move off weekends and holidays to the previous working day; overdue reminders and
/// escalations move to the next one (an "overdue" notice must never come before the due day).
/// </remarks>
public sealed class ReminderPolicy(CouncilSettings settings, TimeZoneInfo zone, ProductionCalendar calendar)
{
    /// <summary>Every reminder of the item up to and including the council-local day <paramref name="until"/>.</summary>
    public IReadOnlyList<PlannedReminder> Plan(ReminderInput item, DateOnly until)
    {
        var closedAt = ClosedAt(item);
        var planned = new List<PlannedReminder>();
        var yearStart = new DateOnly(item.PlanYear, 1, 1);

        if (item.Deadline is RecurringDeadline recurring && item.DueOverride is null)
        {
            var occurrences = RecurringOccurrences(item, recurring);
            for (var i = 0; i < occurrences.Count; i++)
            {
                // A period's overdue notices stop when the next period falls due: one stream of nagging at a time.
                var next = i + 1 < occurrences.Count ? occurrences[i + 1].Dues[0].Due.AddDays(-1) : until;
                planned.AddRange(OccurrenceReminders(item, occurrences[i], closedAt, next < until ? next : until));
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
            if (due is null && item.Deadline.Kind is DeadlineKind.Unscheduled or DeadlineKind.Unknown)
                planned.AddRange(AskForDate(item, closedAt, until));
        }
        return [.. planned.OrderBy(r => r.At).ThenBy(r => r.Kind)];
    }

    private sealed class Occurrence(DateOnly due, DateOnly? windowStart)
    {
        /// <summary>The due dates in force over time: the first from the start, each postponement from its instant.</summary>
        public List<(DateOnly Due, DateTimeOffset From)> Dues { get; } = [(due, DateTimeOffset.MinValue)];
        public Dictionary<string, DateTimeOffset> DoneAt { get; } = new(StringComparer.Ordinal);
        public DateOnly? WindowStart { get; } = windowStart;
        public DateOnly PeriodStart { get; init; } = DateOnly.MinValue;

        public bool IsOpenAt(IReadOnlyList<string> parties, DateTimeOffset at) =>
            parties.Any(p => !DoneAt.TryGetValue(p, out var done) || done > at);
    }

    private static bool HasPostponement(ReminderInput item) => item.Replies.Any(r => r.Kind == ReplyKind.Postponed && r.NewDate is not null);

    /// <summary>When the whole item closed: closed by the secretary, or (one-off items) done by every party or by its protocol.</summary>
    private static DateTimeOffset? ClosedAt(ReminderInput item)
    {
        if (item.Deadline is RecurringDeadline && item.DueOverride is null)
            return item.Replies.Where(r => r.Kind == ReplyKind.Closed).Select(r => (DateTimeOffset?)r.At).Min();
        return ItemProgress.Of(item.Parties, item.Replies, item.Result).ClosedAt;
    }

    private static Occurrence? SingleOccurrence(ReminderInput item, DateOnly? due)
    {
        var postponements = item.Replies.Where(r => r.Kind == ReplyKind.Postponed && r.NewDate is not null).OrderBy(r => r.At).ToList();
        if (due is null && postponements.Count == 0) return null;

        var first = due ?? postponements[0].NewDate!.Value;
        var occurrence = new Occurrence(first, item.Deadline is WindowDeadline w && due is not null ? w.Start : null);
        if (due is null) occurrence.Dues[0] = (first, postponements[0].At);
        foreach (var p in postponements.Skip(due is null ? 1 : 0)) occurrence.Dues.Add((p.NewDate!.Value, p.At));
        foreach (var done in item.Replies.Where(r => r.Kind == ReplyKind.Done && r.Party is not null))
            occurrence.DoneAt.TryAdd(done.Party!, done.At);
        return occurrence;
    }

    /// <summary>One occurrence per period of the plan year; each reply applies to the oldest started occurrence still open for it.</summary>
    private List<Occurrence> RecurringOccurrences(ReminderInput item, RecurringDeadline deadline)
    {
        var occurrences = new List<Occurrence>();
        for (var day = new DateOnly(item.PlanYear, 1, 1); day.Year == item.PlanYear;)
        {
            var period = DueDates.PeriodContaining(deadline.Every, day);
            occurrences.Add(new Occurrence(DueDates.DueOf(deadline, period), null) { PeriodStart = period.Start });
            day = period.End.AddDays(1);
        }

        var parties = PartiesOrSecretary(item);
        foreach (var reply in item.Replies.OrderBy(r => r.At))
        {
            var day = CouncilClock.LocalDate(reply.At, zone);
            var who = reply.Party is { } party ? [party] : parties;
            var target = occurrences.FirstOrDefault(o => o.PeriodStart <= day && who.Any(p => !o.DoneAt.ContainsKey(p)));
            if (target is null) continue;
            switch (reply.Kind)
            {
                case ReplyKind.Done:
                case ReplyKind.Protocol when ItemProgress.ProtocolClosesItem(item.Result):
                    foreach (var p in who) target.DoneAt.TryAdd(p, reply.At);
                    break;
                case ReplyKind.Postponed when reply.NewDate is { } newDate:
                    target.Dues.Add((newDate, reply.At));
                    break;
            }
        }
        return occurrences;
    }

    private IEnumerable<PlannedReminder> OccurrenceReminders(ReminderInput item, Occurrence occurrence, DateTimeOffset? closedAt, DateOnly until)
    {
        var parties = PartiesOrSecretary(item);
        var audience = item.Parties.Count > 0 ? ReminderAudience.Parties : ReminderAudience.Secretary;
        var kept = new List<PlannedReminder>();
        for (var i = 0; i < occurrence.Dues.Count; i++)
        {
            var (due, from) = occurrence.Dues[i];
            var to = i + 1 < occurrence.Dues.Count ? occurrence.Dues[i + 1].From : DateTimeOffset.MaxValue;
            // «со дня поступления…»: the work starts with the event; there is nothing to be late for.
            var startsOnly = item.Deadline is RelativeDeadline { Amount: 0 } && item.DueOverride is null && i == 0;
            foreach (var (kind, day, sequence) in Candidates(due, i == 0 ? occurrence.WindowStart : null, until).Where(c => !startsOnly || c.Kind == ReminderKind.Due))
            {
                var at = Instant(day);
                if (at < from || at >= to || day > until) continue;
                if (closedAt is { } closed && closed <= at) continue;
                if (!occurrence.IsOpenAt(parties, at)) continue;
                var toChair = kind == ReminderKind.Escalation;
                var open = toChair ? parties : parties.Where(p => !occurrence.DoneAt.TryGetValue(p, out var d) || d > at).ToList();
                kept.Add(new PlannedReminder(item.ItemId, due, kind, at, toChair ? ReminderAudience.Chair : audience, open, sequence));
            }
        }
        // Two notices that land on the same day for the same people: keep the one closer to (or past) the due date.
        return kept.GroupBy(r => (r.At, r.Audience, r.Occurrence)).Select(g => g.Last());
    }

    /// <summary>The notices of one due date, in the order of urgency, before moving off non-working days.</summary>
    private IEnumerable<(ReminderKind Kind, DateOnly Day, int Sequence)> Candidates(DateOnly due, DateOnly? windowStart, DateOnly until)
    {
        var earliestBefore = settings.BeforeDays.DefaultIfEmpty(0).Max();
        if (windowStart is { } start && start < due.AddDays(-earliestBefore))
            yield return (ReminderKind.Before, NextWorkingDay(start), due.DayNumber - start.DayNumber);
        foreach (var days in settings.BeforeDays.Where(d => d > 0).OrderDescending())
            yield return (ReminderKind.Before, PreviousWorkingDay(due.AddDays(-days)), days);
        yield return (ReminderKind.Due, PreviousWorkingDay(due), 0);

        foreach (var days in OverdueDays(due, until))
            yield return (ReminderKind.Overdue, NextWorkingDay(due.AddDays(days)), days);
        if (settings.EscalateAfterDays > 0)
            yield return (ReminderKind.Escalation, NextWorkingDay(due.AddDays(settings.EscalateAfterDays)), settings.EscalateAfterDays);
    }

    /// <summary>Days after the due date for overdue notices: the configured ones, then every repeat interval up to <paramref name="until"/>.</summary>
    private IEnumerable<int> OverdueDays(DateOnly due, DateOnly until)
    {
        var last = 0;
        foreach (var days in settings.OverdueDays.Where(d => d > 0).Order())
        {
            if (due.AddDays(days) > until) yield break;
            yield return last = days;
        }
        if (settings.OverdueRepeatDays <= 0) yield break;
        for (var days = last + settings.OverdueRepeatDays; due.AddDays(days) <= until; days += settings.OverdueRepeatDays)
            yield return days;
    }

    private IEnumerable<PlannedReminder> Checkins(ReminderInput item, DateTimeOffset? closedAt, DateOnly until)
    {
        if (!settings.MonthlyCheckins) yield break;
        var audience = item.Parties.Count > 0 ? ReminderAudience.Parties : ReminderAudience.Secretary;
        for (var month = 1; month <= 12; month++)
        {
            var day = NextWorkingDay(new DateOnly(item.PlanYear, month, 1));
            var at = Instant(day);
            if (day > until || (closedAt is { } closed && closed <= at)) yield break;
            yield return new PlannedReminder(item.ItemId, day, ReminderKind.Checkin, at, audience, PartiesOrSecretary(item), month);
        }
    }

    private IEnumerable<PlannedReminder> AskForDate(ReminderInput item, DateTimeOffset? closedAt, DateOnly until)
    {
        var firstDated = item.Replies.Where(r => r.Kind == ReplyKind.Postponed && r.NewDate is not null).Select(r => (DateTimeOffset?)r.At).Min();
        var first = NextWorkingDay(new DateOnly(item.PlanYear, 1, 1));
        var previous = DateOnly.MinValue;
        for (var n = 0; ; n++)
        {
            var day = NextWorkingDay(first.AddDays(n * Math.Max(1, settings.AskDateEveryDays)));
            // Holidays can push two weekly asks onto one day: ask once.
            if (day == previous) continue;
            previous = day;
            var at = Instant(day);
            if (day > until || day.Year > item.PlanYear) yield break;
            if ((closedAt is { } closed && closed <= at) || (firstDated is { } dated && dated <= at)) yield break;
            yield return new PlannedReminder(item.ItemId, day, ReminderKind.AskDate, at, ReminderAudience.Secretary, item.Parties, n + 1);
        }
    }

    private static IReadOnlyList<string> PartiesOrSecretary(ReminderInput item) => item.Parties.Count > 0 ? item.Parties : [""];

    private DateOnly PreviousWorkingDay(DateOnly day) => calendar.PreviousWorkingDay(day);

    private DateOnly NextWorkingDay(DateOnly day) => calendar.NextWorkingDay(day);

    /// <summary>The reminder time on that day, moved out of quiet hours.</summary>
    private DateTimeOffset Instant(DateOnly day)
    {
        var time = settings.ReminderTime;
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
