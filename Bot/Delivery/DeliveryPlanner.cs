using NokoBot.Domain.Councils;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Reminders;
using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>A delivery that fell due, with the instant it was planned for.</summary>
public sealed record PlannedDelivery(DeliveryRequest Request, DateTimeOffset At);

/// <summary>What fell due in a sweep's window and when the council next needs one.</summary>
public sealed record DuePlan(IReadOnlyList<PlannedDelivery> Due, DateTimeOffset? Next);

/// <summary>
/// Turns a council's snapshot into deliveries: the reminder policy's reminders for the members who should get them
/// (at each member's own hour), the secretary's note at the plan year's end, and meeting notices. Channel choice
/// is <see cref="Recipients"/>'.
/// </summary>
public static class DeliveryPlanner
{
    /// <summary>A plan is a year long: no reminder is further away than this.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    private static readonly TimeSpan Week = TimeSpan.FromDays(8);

    public static ReminderPolicy PolicyOf(CouncilSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ReminderPolicy(snapshot.Settings, snapshot.Zone, snapshot.Calendar);
    }

    /// <summary>Every planned reminder of the council's current plan up to the local day <paramref name="until"/>.</summary>
    public static IEnumerable<PlannedReminder> Reminders(CouncilSnapshot snapshot, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Plan is not { } plan) yield break;
        var policy = PolicyOf(snapshot);
        foreach (var item in plan.Items)
            foreach (var reminder in policy.Plan(Input(snapshot, item), until))
                yield return reminder;
    }

    public static ReminderInput Input(CouncilSnapshot snapshot, StoredPlanItem item)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, snapshot.Plan!.Year, item.Deadline, item.Parties, item.Result, [.. snapshot.RepliesOf(item.Id)],
            item.DueOverride, snapshot.AnchorDate(item));
    }

    /// <summary>
    /// The deliveries planned in (<paramref name="since"/>, <paramref name="now"/>], the meeting notices due now, and the
    /// first instant after now. Plans a week ahead first and the whole horizon only when that week holds nothing:
    /// a year ahead costs many times what the answer needs.
    /// </summary>
    public static DuePlan PlanAround(CouncilSnapshot snapshot, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var due = new List<PlannedDelivery>();
        DateTimeOffset? next = null;
        foreach (var delivery in Timed(snapshot, CouncilClock.LocalDate(now + Week, snapshot.Zone)))
        {
            if (delivery.At > since && delivery.At <= now) due.Add(delivery.ToPlanned(snapshot));
            else if (delivery.At > now) next = Earliest(next, delivery.At);
        }
        if (next is null)
            next = Timed(snapshot, CouncilClock.LocalDate(now + Horizon, snapshot.Zone)).Where(d => d.At > now).Select(d => (DateTimeOffset?)d.At).Min();
        var (meetingNotices, nextMeeting) = MeetingNotices(snapshot, now);
        due.AddRange(meetingNotices);
        return new DuePlan(due, Earliest(next, nextMeeting));
    }

    /// <summary>
    /// A reminder (or, without one, the year's-end note) for one member on one channel at their instant; the ledger
    /// request, with its key, is built only for the few that fall due (a year of them is planned to find those).
    /// </summary>
    private readonly record struct Timing(PlannedReminder? Reminder, MemberContact Member, string Channel, DateTimeOffset At, ReminderKind Note = ReminderKind.PlanOver)
    {
        public PlannedDelivery ToPlanned(CouncilSnapshot snapshot)
        {
            var recipient = Recipients.KeyOf(Member);
            var (occurrence, kind, itemId, sequence) = Reminder is { } r
                ? (r.OccurrenceKey, r.Kind, (long?)r.ItemId, r.Sequence)
                : (DeliveryKey.PlanOccurrence(snapshot.Plan!.Id, snapshot.Plan.Year), Note, null, 0);
            var key = DeliveryKey.Create(occurrence, kind, recipient, Channel, sequence);
            return new PlannedDelivery(new DeliveryRequest(key, snapshot.Council.Id, itemId, Member.Id, kind, Channel, recipient, At), At);
        }
    }

    /// <summary>Reminders and the year's-end note, each for each of its recipients at that recipient's instant.</summary>
    private static IEnumerable<Timing> Timed(CouncilSnapshot snapshot, DateOnly until)
    {
        // Without members nothing can be addressed: no plan to compute.
        if (snapshot.Plan is not { } plan || snapshot.Members.Count == 0) yield break;
        var policy = PolicyOf(snapshot);
        foreach (var reminder in Reminders(snapshot, until))
            foreach (var member in Recipients.For(snapshot, reminder.Audience, reminder.Parties))
                if (Recipients.ChannelFor(member) is { } channel)
                    yield return new Timing(reminder, member, channel,
                        member.Preferences == MemberPreferences.Default ? reminder.At : policy.InstantFor(reminder.Day, member.Preferences));
        // From 1 December the secretary is offered next year's draft (the offer's button checks the year is still free).
        var offer = policy.RolloverOfferDay(plan.Year);
        if (offer > until) yield break;
        foreach (var member in Recipients.For(snapshot, ReminderAudience.Secretary, []))
            if (Recipients.ChannelFor(member) is { } channel)
                yield return new Timing(null, member, channel, policy.InstantFor(offer, member.Preferences), ReminderKind.RolloverOffer);
        var over = policy.PlanOverDay(plan.Year);
        if (over > until) yield break;
        foreach (var member in Recipients.For(snapshot, ReminderAudience.Secretary, []))
            if (Recipients.ChannelFor(member) is { } channel)
                yield return new Timing(null, member, channel, policy.InstantFor(over, member.Preferences));
    }

    /// <summary>Meeting notices due now (each once: the ledger drops a key it has) and the next instant one falls due.</summary>
    private static (List<PlannedDelivery> Due, DateTimeOffset? Next) MeetingNotices(CouncilSnapshot snapshot, DateTimeOffset now)
    {
        var due = new List<PlannedDelivery>();
        DateTimeOffset? next = null;
        foreach (var record in snapshot.Meetings)
        {
            var stored = record.Meeting;
            var meeting = snapshot.ToMeeting(record, withAgenda: false);
            next = Earliest(next, Domain.Meetings.MeetingNotices.Next(meeting, stored.ProtocolName is not null, snapshot.Settings, snapshot.Zone, now));
            foreach (var kind in Domain.Meetings.MeetingNotices.Due(meeting, stored.ProtocolAt, snapshot.Settings, snapshot.Zone, now))
                foreach (var (recipient, memberId, channel) in MeetingAudience(snapshot, record, kind))
                {
                    var key = DeliveryKey.Create(DeliveryKey.MeetingOccurrence(stored.Id, stored.Sequence), ReminderKind.Agenda, recipient, channel, (int)kind);
                    due.Add(new PlannedDelivery(new DeliveryRequest(key, snapshot.Council.Id, null, memberId, ReminderKind.Agenda, channel, recipient, now), now));
                }
        }
        return (due, next);
    }

    /// <summary>
    /// Every member, on Telegram and by email (the invitation with its .ics), and the council's group chat; the morning
    /// reminder is a chat message; protocol news goes to the members whose items it closed.
    /// </summary>
    private static IEnumerable<(string Recipient, long? MemberId, string Channel)> MeetingAudience(CouncilSnapshot snapshot, MeetingRecord record, MeetingNoticeKind kind)
    {
        var members = kind == MeetingNoticeKind.ProtocolAttached
            ? snapshot.Members.Where(m => ClosedBy(snapshot, record, m).Any())
            : snapshot.Members;
        foreach (var member in members)
        {
            if (member.CanUseTelegram) yield return (Recipients.KeyOf(member), member.Id, Channels.Telegram);
            if (kind is MeetingNoticeKind.Agenda or MeetingNoticeKind.Cancelled && member.CanUseEmail)
                yield return (Recipients.KeyOf(member), member.Id, Channels.Email);
        }
        if (snapshot.GroupChatId is { } group && kind != MeetingNoticeKind.ProtocolAttached)
            yield return (Recipients.KeyOfChat(group), null, Channels.Telegram);
    }

    /// <summary>The member's items the meeting's protocol closed.</summary>
    public static IEnumerable<StoredPlanItem> ClosedBy(CouncilSnapshot snapshot, MeetingRecord record, MemberContact member)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(member);
        if (record.Meeting.ProtocolSha256 is not { } sha) return [];
        return (snapshot.Plan?.Items ?? []).Where(i =>
            ItemProgress.ProtocolClosesItem(i.Result)
            && snapshot.RepliesOf(i.Id).Any(r => r.Kind == ReplyKind.Protocol && r.File?.Sha256 == sha)
            && i.Parties.Intersect(member.Parties, StringComparer.OrdinalIgnoreCase).Any());
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
