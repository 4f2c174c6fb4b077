using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Digest;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Replies;

namespace NokoBot.Storage;

/// <summary>A member as the delivery side sees them: how to reach them, which parties they speak for, what they chose.</summary>
/// <param name="DigestByEmail">They confirmed their address in Telegram (<c>/email</c>): the weekly digest goes there too.</param>
public sealed record MemberContact(
    long Id, string Name, MemberRole Role, long? TelegramChatId, bool TelegramUnreachable, string? Email, IReadOnlyList<string> Parties,
    MemberPreferences Preferences, EmailState EmailState = EmailState.Working, bool DigestByEmail = false)
{
    public bool CanUseTelegram => TelegramChatId is not null && !TelegramUnreachable;

    /// <summary>They have an address, and it neither bounced nor asked for no more letters.</summary>
    public bool CanUseEmail => Email is not null && EmailState == EmailState.Working;

    /// <summary>What this member may do to the plan.</summary>
    public Actor Actor => new(Id, Role, Parties);
}

/// <summary>An event a relative deadline can hang on, recorded by the secretary or a meeting.</summary>
public sealed record CouncilEvent(string Name, DateOnly OccurredOn);

/// <summary>Who and when: a council with its settings and time zone, what its digest trigger needs.</summary>
public sealed record CouncilSchedule(Council Council, CouncilSettings Settings, TimeZoneInfo Zone);

/// <summary>A stored meeting with the secretary's edits to its proposed agenda.</summary>
public sealed record MeetingRecord(StoredMeeting Meeting, AgendaEdits Edits);

/// <summary>
/// The read model of one council at one moment, read in one go (one query per table): settings, the current plan,
/// its replies, events, members, meetings and the linked group chat — and the answers every reader derives from
/// them (an item's progress, its due date today, a meeting's agenda).
/// </summary>
public sealed record CouncilSnapshot(
    Council Council,
    CouncilSettings Settings,
    TimeZoneInfo Zone,
    StoredPlan? Plan,
    IReadOnlyList<Reply> Replies,
    IReadOnlyList<CouncilEvent> Events,
    IReadOnlyList<MemberContact> Members,
    IReadOnlyList<MeetingRecord> Meetings,
    long? GroupChatId,
    ProductionCalendar Calendar)
{
    private ReplyIndex? _index;
    private ILookup<string, MemberContact>? _members;

    /// <summary>The replies by item, built once per list of replies (a <c>with</c> copy holding other replies gets its own).</summary>
    private sealed record ReplyIndex(IReadOnlyList<Reply> Of, ILookup<long, Reply> ByItem);

    public CouncilSchedule Schedule => new(Council, Settings, Zone);

    public IEnumerable<Reply> RepliesOf(long itemId)
    {
        var index = _index;
        if (index is null || !ReferenceEquals(index.Of, Replies)) _index = index = new ReplyIndex(Replies, Replies.ToLookup(r => r.ItemId));
        return index.ByItem[itemId];
    }

    public StoredPlanItem? Item(long itemId) => Plan?.Items.FirstOrDefault(i => i.Id == itemId);

    public StoredPlanItem? Item(string number) => Plan?.Items.FirstOrDefault(i => i.Number == number.Trim());

    public MemberContact? Member(long memberId) => Members.FirstOrDefault(m => m.Id == memberId);

    /// <summary>The members linked to a party (built once: the planner asks for every reminder).</summary>
    public IReadOnlyList<MemberContact> MembersOf(string party) =>
        [.. (_members ??= Members.SelectMany(m => m.Parties.Select(p => (Party: p, Member: m))).ToLookup(x => x.Party, x => x.Member, StringComparer.Ordinal))[party]];

    public MeetingRecord? Meeting(long meetingId) => Meetings.FirstOrDefault(m => m.Meeting.Id == meetingId);

    public DateOnly Today(DateTimeOffset now) => CouncilClock.LocalDate(now, Zone);

    /// <summary>
    /// Where the item stands on the council-local <paramref name="today"/>: for an item due several times (recurring,
    /// series), the occurrence owed then (<see cref="ItemProgress.Occurrence"/>).
    /// </summary>
    public ItemProgress Progress(StoredPlanItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        List<Reply> replies = [.. RepliesOf(item.Id)];
        var protocolCloses = ItemProgress.ProtocolClosesItem(item.Result);
        return Plan is { } plan
               && ItemOccurrences.Of(item.Deadline, item.DueOverride, plan.Year, item.Parties, replies, protocolCloses, Zone) is { } occurrences
            ? ItemProgress.Of(occurrences, replies, today)
            : ItemProgress.Of(item.Parties, replies, protocolCloses);
    }

    /// <summary>The item as the reply rules see it on the council-local <paramref name="today"/>.</summary>
    public ItemState State(StoredPlanItem item, DateOnly today) => new(item.Id, item.Number, item.Parties, item.Result, Progress(item, today));

    /// <summary>The item's current due date as of the council-local <paramref name="today"/> (an item due several times: of the occurrence owed then).</summary>
    public DateOnly? CurrentDue(StoredPlanItem item, DateOnly today)
    {
        var progress = Progress(item, today);
        return progress.Occurrence?.Due ?? DueDates.Current(item.Deadline, progress.PostponedTo, item.DueOverride, AnchorDate(item), Calendar, today);
    }

    /// <summary>When the item was closed, if it was (whatever the day it is asked on).</summary>
    public DateTimeOffset? ClosedAt(StoredPlanItem item) => Progress(item, DateOnly.MaxValue).ClosedAt;

    /// <summary>
    /// The day a relative deadline starts counting from: the day its linked item was closed, else the first
    /// recorded event that matches its anchor words.
    /// </summary>
    public DateOnly? AnchorDate(StoredPlanItem item)
    {
        if (item.Deadline is not RelativeDeadline relative) return null;
        DateOnly? linkedClosed = item.AnchorItemId is { } anchorId && Item(anchorId) is { } anchor
            && ClosedAt(anchor) is { } at ? CouncilClock.LocalDate(at, Zone) : null;
        return AnchorDates.Of(relative, linkedClosed, Events.Select(e => (e.Name, e.OccurredOn)));
    }

    /// <summary>A meeting's agenda as proposed from the plan as it stands, with the secretary's edits.</summary>
    public IReadOnlyList<ProposedLine> Agenda(MeetingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var day = DateOnly.FromDateTime(record.Meeting.LocalStart);
        var candidates = (Plan?.Items ?? []).Select(item => new AgendaCandidate(
            item.Number, item.Title, item.Result, CurrentDue(item, day), Progress(item, day).IsClosed,
            item.Deadline is RelativeDeadline relative && AnchorDate(item) is null && AgendaBuilder.MeetingCanDate(relative.Anchor),
            item.Deadline is WindowDeadline window ? window.Start : null))
            .ToList();
        return AgendaBuilder.Propose(day, candidates, record.Edits.Added, record.Edits.Dropped, record.Edits.Topics);
    }

    /// <summary>The domain meeting the channels render, with its agenda.</summary>
    public Meeting ToMeeting(MeetingRecord record, bool withAgenda = true)
    {
        ArgumentNullException.ThrowIfNull(record);
        var m = record.Meeting;
        IReadOnlyList<ProposedLine> agenda = withAgenda ? Agenda(record) : [];
        return new Meeting(m.Id, m.CouncilId, m.LocalStart, TimeSpan.FromMinutes(m.DurationMinutes), m.Place,
            [.. agenda.Select(l => new AgendaLine(l.Text, l.ItemNumber))], m.Sequence, m.Cancelled);
    }

    /// <summary>The meeting's start as an instant.</summary>
    public DateTimeOffset StartOf(StoredMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return CouncilClock.ToInstant(DateOnly.FromDateTime(meeting.LocalStart), TimeOnly.FromDateTime(meeting.LocalStart), Zone);
    }

    /// <summary>The weekly digest for the council-local <paramref name="today"/>; null when there is nothing to report.</summary>
    public Digest? Digest(DateOnly today)
    {
        if (Plan is not { } plan) return null;
        var items = plan.Items.Select(i => new DigestPlanItem(i.Id, i.Number, i.Title, i.Parties, i.Deadline, i.Result, i.DueOverride, i.AnchorItemId)).ToList();
        var next = Meetings.FirstOrDefault(m => !m.Meeting.Cancelled && DateOnly.FromDateTime(m.Meeting.LocalStart) >= today);
        var held = Meetings.Where(m => m.Meeting.ProtocolName is null && !m.Meeting.Cancelled && DateOnly.FromDateTime(m.Meeting.LocalStart) < today)
            .Select(m => ToMeeting(m, withAgenda: false)).ToList();
        return DigestBuilder.Build(Council.Name, items, plan.Year, Replies, [.. Events.Select(e => new RecordedEvent(e.Name, e.OccurredOn))],
            Zone, today, Calendar, next is null ? null : ToMeeting(next), held);
    }
}
