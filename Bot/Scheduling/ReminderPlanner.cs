using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Reminders;
using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Scheduling;

/// <summary>Runs the <see cref="ReminderPolicy"/> over a council's plan and turns each reminder into deliveries.</summary>
public sealed class ReminderPlanner(ProductionCalendar calendar)
{
    /// <summary>Every planned reminder of the council's current plan up to the local day <paramref name="until"/>.</summary>
    public IEnumerable<PlannedReminder> Plan(CouncilSnapshot snapshot, DateOnly until)
    {
        if (snapshot.Plan is not { } plan) yield break;
        var policy = new ReminderPolicy(snapshot.Settings, snapshot.Zone, calendar);
        foreach (var item in plan.Items)
            foreach (var reminder in policy.Plan(Input(snapshot, item), until))
                yield return reminder;
    }

    /// <summary>A plan is a year long: no reminder is further away than this.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    private static readonly TimeSpan Week = TimeSpan.FromDays(8);

    /// <summary>
    /// The reminders up to <paramref name="now"/> (whatever the horizon, those are the same) and the first one after it.
    /// Plans a week ahead first and the whole horizon only when that week holds nothing: overdue repeats run on to
    /// whatever day is asked, so a year ahead costs many times what the answer needs.
    /// </summary>
    public (IReadOnlyList<PlannedReminder> Plan, DateTimeOffset? Next) PlanAround(CouncilSnapshot snapshot, DateTimeOffset now)
    {
        var plan = Plan(snapshot, CouncilClock.LocalDate(now + Week, snapshot.Zone)).ToList();
        var next = FirstAfter(plan, now);
        if (next is null)
        {
            plan = [.. Plan(snapshot, CouncilClock.LocalDate(now + Horizon, snapshot.Zone))];
            next = FirstAfter(plan, now);
        }
        return (plan, next);
    }

    private static DateTimeOffset? FirstAfter(IEnumerable<PlannedReminder> plan, DateTimeOffset now) =>
        plan.Where(r => r.At > now).Select(r => (DateTimeOffset?)r.At).Min();

    public static ReminderInput Input(CouncilSnapshot snapshot, StoredPlanItem item) => new(
        item.Id, snapshot.Plan!.Year, item.Deadline, item.Parties, item.Result, [.. snapshot.RepliesOf(item.Id)],
        item.DueOverride, AnchorDate(snapshot, item));

    /// <summary>The item's current due date as of the council-local <paramref name="today"/>.</summary>
    public DateOnly? CurrentDue(CouncilSnapshot snapshot, StoredPlanItem item, DateOnly today)
    {
        var progress = ItemProgress.Of(item.Parties, snapshot.RepliesOf(item.Id), item.Result);
        return DueDates.Current(item.Deadline, progress.PostponedTo, item.DueOverride, AnchorDate(snapshot, item), calendar, today);
    }

    /// <summary>
    /// The day a relative deadline starts counting from: the day its linked item was closed, else the first
    /// recorded event that matches its anchor words.
    /// </summary>
    public static DateOnly? AnchorDate(CouncilSnapshot snapshot, StoredPlanItem item)
    {
        if (item.Deadline is not RelativeDeadline relative) return null;
        DateOnly? linkedClosed = item.AnchorItemId is { } anchorId && snapshot.Item(anchorId) is { } anchor
            && ItemProgress.Of(anchor.Parties, snapshot.RepliesOf(anchorId), anchor.Result).ClosedAt is { } at
            ? CouncilClock.LocalDate(at, snapshot.Zone) : null;
        return AnchorDates.Of(relative, linkedClosed, snapshot.Events.Select(e => (e.Name, e.OccurredOn)));
    }

    /// <summary>
    /// Who gets a reminder and on which channel: the members of the parties that still owe the item (the
    /// secretary stands in for a party nobody is linked to), the chair for escalations, the secretary for dates.
    /// Telegram first; email when the member has no working Telegram.
    /// </summary>
    public static IEnumerable<(MemberContact Member, string Channel)> Recipients(CouncilSnapshot snapshot, PlannedReminder reminder)
    {
        var secretaries = snapshot.Members.Where(m => m.Role == MemberRole.Secretary).ToList();
        var chairs = snapshot.Members.Where(m => m.Role == MemberRole.Chair).ToList();
        IEnumerable<MemberContact> people = reminder.Audience switch
        {
            ReminderAudience.Chair => chairs.Count > 0 ? chairs : secretaries,
            ReminderAudience.Secretary => secretaries,
            _ => reminder.Parties.SelectMany(party =>
            {
                var linked = snapshot.Members.Where(m => m.Parties.Contains(party, StringComparer.Ordinal)).ToList();
                return linked.Count > 0 ? linked : secretaries;
            }),
        };
        foreach (var member in people.DistinctBy(m => m.Id))
        {
            var channel = ChannelFor(member);
            if (channel is not null) yield return (member, channel);
        }
    }

    public static string? ChannelFor(MemberContact member) =>
        member.CanUseTelegram ? Channels.Telegram : member.Email is not null ? Channels.Email : null;

    public static DeliveryRequest Request(CouncilSnapshot snapshot, PlannedReminder reminder, MemberContact member, string channel) => new(
        DeliveryKey.Create(reminder.OccurrenceKey, reminder.Kind, Recipient(member), channel, reminder.Sequence),
        snapshot.Council.Id, reminder.ItemId, member.Id, reminder.Kind, channel, Recipient(member), reminder.At);

    public static string Recipient(MemberContact member) => FormattableString.Invariant($"member:{member.Id}");
}

/// <summary>Channel names as stored in the delivery ledger.</summary>
public static class Channels
{
    public const string Telegram = "telegram";
    public const string Email = "email";
}
