using System.Security.Cryptography;
using System.Text;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>The ledger rows that go out as one message.</summary>
public sealed record MessageRows(long CouncilId, string Channel, string Recipient, IReadOnlyList<DeliveryEntry> Rows)
{
    /// <summary>Stable for the same rows: a retry is the same message (channels derive message ids from it).</summary>
    public string Key => Rows.Count == 1 ? Rows[0].Key
        : "bundle:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Rows.Select(r => r.Key).Order(StringComparer.Ordinal)))))[..32];
}

/// <summary>A message ready to send, or why its rows are dropped instead.</summary>
public sealed record Composition(OutgoingMessage? Message, IReadOnlyList<(DeliveryEntry Row, string Reason)> Dropped);

/// <summary>
/// Renders ledger rows into messages from the council's state at the moment of sending: reminders about items that
/// closed meanwhile are dropped, a digest is built for its day, an agenda as it stands now.
/// </summary>
public static class MessageComposer
{
    /// <summary>A person's reminders are bundled; a bundle this large is split (a Telegram keyboard row per item).</summary>
    public const int MaxItemsPerMessage = 10;

    /// <summary>
    /// Groups pending rows into messages: every item reminder due for one recipient on one channel goes in one
    /// message (a very long list in several); everything else is a message of its own.
    /// </summary>
    public static IReadOnlyList<MessageRows> Group(IEnumerable<DeliveryEntry> pending)
    {
        var groups = new List<MessageRows>();
        foreach (var byRecipient in pending.GroupBy(p => (p.CouncilId, p.Channel, p.Recipient)))
        {
            var (council, channel, recipient) = byRecipient.Key;
            var reminders = byRecipient.Where(IsBundled).ToList();
            var chunks = reminders.Chunk(MaxItemsPerMessage).Select(chunk => chunk.ToList()).ToList();
            // Next year's offer rides with the secretary's reminders of that moment (one message a moment), else alone.
            var offers = byRecipient.Where(IsOffer).ToList();
            if (chunks.Count > 0) chunks[0].AddRange(offers);
            else chunks.AddRange(offers.Select(o => new List<DeliveryEntry> { o }));
            groups.AddRange(chunks.Select(chunk => new MessageRows(council, channel, recipient, chunk)));
            groups.AddRange(byRecipient.Where(r => !IsBundled(r) && !IsOffer(r)).Select(r => new MessageRows(council, channel, recipient, [r])));
        }
        return groups;
    }

    private static bool IsBundled(DeliveryEntry row) => ReminderKinds.Parse(row.Kind) is { } kind && kind.IsItemReminder();

    private static bool IsOffer(DeliveryEntry row) => ReminderKinds.Parse(row.Kind) == ReminderKind.RolloverOffer;

    public static Composition Compose(CouncilSnapshot snapshot, MessageRows rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(rows);
        var first = rows.Rows[0];
        var recipient = RecipientOf(snapshot, first);
        if (recipient is null) return Drop(rows, SkipReasons.MemberRemoved);
        var late = rows.Rows.Any(r => r.Late);
        var zone = snapshot.Council.TimeZone;
        var kind = ReminderKinds.Parse(first.Kind);
        // An address that bounced or unsubscribed gets nothing more, but the answer to a letter it just sent.
        if (rows.Channel == Channels.Email && kind is not (ReminderKind.Answer or ReminderKind.AddressCode)
            && recipient.MemberId is { } addressed && snapshot.Member(addressed) is { CanUseEmail: false })
            return Drop(rows, SkipReasons.EmailNotWorking);
        switch (kind)
        {
            case { } reminder when reminder.IsItemReminder():
                return Reminders(snapshot, rows, recipient, now, late);
            case ReminderKind.PlanOver when snapshot.Plan is not null:
                return new(PlanOver(snapshot, rows.Key, recipient) with { Late = late }, []);
            case ReminderKind.RolloverOffer:
                return RolloverOffer(snapshot, first, rows.Key, recipient) is { } offer ? new(offer with { Late = late }, []) : Drop(rows, SkipReasons.NextPlanIn);
            case ReminderKind.Digest when DeliveryKey.TryParseOccurrence(first.Key, "digest", out _, out var day)
                                          && DateOnly.TryParseExact(day, "yyyy-MM-dd", out var date):
                return snapshot.Digest(date) is { } digest
                    ? new(new DigestMessage(rows.Key, snapshot.Council.Name, zone, recipient, digest), [])
                    : Drop(rows, SkipReasons.NothingToReport);
            case ReminderKind.Agenda when DeliveryKey.TryParseOccurrence(first.Key, "meeting", out var meetingId, out _)
                                          && snapshot.Meeting(meetingId) is { } record:
                var kind2 = (MeetingNoticeKind)DeliveryKey.SequenceOf(first.Key);
                var closed = kind2 == MeetingNoticeKind.ProtocolAttached && first.MemberId is { } attendee && snapshot.Member(attendee) is { } who
                    ? DeliveryPlanner.ClosedBy(snapshot, record, who).Select(i => (i.Number, i.Title)).ToList()
                    : [];
                return new(new MeetingMessage(rows.Key, snapshot.Council.Name, zone, recipient, kind2,
                    snapshot.ToMeeting(record, withAgenda: kind2 == MeetingNoticeKind.Agenda), closed), []);
            case ReminderKind.Answer when MessagePayloads.Read<AnswerPayload>(first.Payload) is { } answer:
                return new(new AnswerMessage(rows.Key, snapshot.Council.Name, zone, recipient, answer.Recorded, answer.Items, answer.InReplyTo,
                    answer.References, answer.Lines), []);
            case ReminderKind.Welcome when recipient.MemberId is { } memberId && snapshot.Member(memberId) is { } member:
                return new(Welcome(snapshot, rows.Key, recipient, member, now), []);
            case ReminderKind.AddressCode when MessagePayloads.Read<AddressCodePayload>(first.Payload) is { } code:
                return new(new AddressCodeMessage(rows.Key, snapshot.Council.Name, zone, recipient, code.MemberName, code.Code, code.ValidUntil), []);
            case ReminderKind.MemberNotice when MessagePayloads.Read<NoticePayload>(first.Payload) is { } notice:
                var about = snapshot.Member(notice.MemberId);
                return new(new MemberNoticeMessage(rows.Key, snapshot.Council.Name, zone, recipient, notice.Problem, about?.Name ?? "",
                    notice.Address, notice.Detail, about?.CanUseTelegram == true, about?.CanUseEmail == true), []);
            default:
                return Drop(rows, SkipReasons.NothingToSend);
        }
    }

    /// <summary>The welcome letter: the member's parties and their open items, soonest first.</summary>
    private static WelcomeMessage Welcome(CouncilSnapshot snapshot, string key, Recipient recipient, MemberContact member, DateTimeOffset now)
    {
        var today = snapshot.Today(now);
        var open = (snapshot.Plan?.Items ?? [])
            .Where(i => i.Parties.Intersect(member.Parties, StringComparer.OrdinalIgnoreCase).Any(p => snapshot.Progress(i, today).IsOpenFor(p)))
            .Select(i => new OpenItem(i.Number, i.Title, i.Parties, snapshot.CurrentDue(i, today)))
            .OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Number, NumberOrder.Instance).ToList();
        return new WelcomeMessage(key, snapshot.Council.Name, snapshot.Council.TimeZone, recipient, member.Parties, open);
    }

    /// <summary>Items still open for the recipient, soonest first; the due date is the occurrence each reminder was planned for.</summary>
    private static Composition Reminders(CouncilSnapshot snapshot, MessageRows rows, Recipient recipient, DateTimeOffset now, bool late)
    {
        var today = snapshot.Today(now);
        var member = recipient.MemberId is { } id ? snapshot.Member(id) : null;
        var notices = new List<ReminderNotice>();
        var dropped = new List<(DeliveryEntry, string)>();
        RolloverOfferMessage? offer = null;
        foreach (var row in rows.Rows)
        {
            var kind = ReminderKinds.Parse(row.Kind)!.Value;
            if (kind == ReminderKind.RolloverOffer)
            {
                offer = RolloverOffer(snapshot, row, rows.Key, recipient);
                if (offer is null) dropped.Add((row, SkipReasons.NextPlanIn));
                continue;
            }
            var item = row.ItemId is { } itemId ? snapshot.Item(itemId) : null;
            if (item is null)
            {
                dropped.Add((row, SkipReasons.ItemRemoved));
                continue;
            }
            var progress = snapshot.Progress(item, today);
            DateOnly? due = kind is ReminderKind.Before or ReminderKind.Due or ReminderKind.Overdue or ReminderKind.Escalation
                && DeliveryKey.TryParseItemOccurrence(row.Key, out _, out var occurrence) ? occurrence : null;
            // The recipient's own parties may have reported while the reminder waited (on an item due several times: that
            // occurrence); an escalation or a date request is for the whole item.
            var own = member is null ? [] : item.Parties.Intersect(member.Parties, StringComparer.OrdinalIgnoreCase).ToList();
            var settled = progress.IsClosed && kind != ReminderKind.AskDate
                || kind is not (ReminderKind.Escalation or ReminderKind.AskDate) && own.Count > 0
                   && own.All(p => due is { } about ? !progress.IsOpenFor(p, about) : !progress.IsOpenFor(p));
            if (settled || (kind == ReminderKind.AskDate && snapshot.CurrentDue(item, today) is not null))
            {
                dropped.Add((row, SkipReasons.ItemSettled));
                continue;
            }
            var overdue = due is { } d && d < today ? today.DayNumber - d.DayNumber : 0;
            // A weekly summary carries the week's due days ahead of them: «today» only when it is today.
            if (kind == ReminderKind.Due && due is { } dueDate && snapshot.Calendar.PreviousWorkingDay(dueDate) > today) kind = ReminderKind.Before;
            notices.Add(new ReminderNotice(row.Key, kind, snapshot.Council.Name, item.Id, item.Number, item.Title, item.Parties,
                item.Deadline.Text, due, item.Result, overdue, row.Late));
        }
        if (notices.Count == 0) return new(offer is null ? null : offer with { Late = late }, dropped);
        // One entry per occurrence of an item (a quarter's overdue and the next quarter's announcement are two), the most urgent; soonest first.
        var items = notices.GroupBy(n => (n.ItemId, n.Due)).Select(g => g.OrderByDescending(n => Urgency(n.Kind)).First())
            .OrderBy(n => n.Due ?? DateOnly.MaxValue).ThenBy(n => n.ItemNumber, NumberOrder.Instance).ToList();
        return new(new ReminderMessage(rows.Key, snapshot.Council.Name, snapshot.Council.TimeZone, recipient, items) { Late = late, Offer = offer }, dropped);
    }

    private static int Urgency(ReminderKind kind) => kind switch
    {
        ReminderKind.Escalation => 5,
        ReminderKind.Overdue => 4,
        ReminderKind.Due => 3,
        ReminderKind.Before => 2,
        _ => 1,
    };

    /// <returns>null once the plan it was planned for is no longer the latest (next year's plan is in).</returns>
    private static RolloverOfferMessage? RolloverOffer(CouncilSnapshot snapshot, DeliveryEntry row, string key, Recipient recipient)
    {
        if (snapshot.Plan is not { } plan || !DeliveryKey.TryParseOccurrence(row.Key, "plan", out var planId, out _) || planId != plan.Id) return null;
        var carried = plan.Items.Count(i => i.Deadline.Kind is DeadlineKind.Recurring or DeadlineKind.Continuous);
        var yearEnd = new DateOnly(plan.Year, 12, 31);
        var unfinished = plan.Items.Count(i => i.Deadline.Kind is not (DeadlineKind.Recurring or DeadlineKind.Continuous) && !snapshot.Progress(i, yearEnd).IsClosed);
        return new RolloverOfferMessage(key, snapshot.Council.Name, snapshot.Council.TimeZone, recipient, plan.Year + 1, carried, unfinished);
    }

    private static PlanOverMessage PlanOver(CouncilSnapshot snapshot, string key, Recipient recipient)
    {
        var plan = snapshot.Plan!;
        var yearEnd = new DateOnly(plan.Year, 12, 31);
        var open = plan.Items.Where(i => !snapshot.Progress(i, yearEnd).IsClosed)
            .Select(i => new OpenItem(i.Number, i.Title, i.Parties, snapshot.CurrentDue(i, yearEnd))).ToList();
        return new PlanOverMessage(key, snapshot.Council.Name, snapshot.Council.TimeZone, recipient, plan.Year, plan.Items.Count, open);
    }

    private static Recipient? RecipientOf(CouncilSnapshot snapshot, DeliveryEntry row)
    {
        if (row.MemberId is { } memberId) return snapshot.Member(memberId) is { } member ? Recipients.Of(member) : null;
        if (row.Recipient.StartsWith("mail:", StringComparison.Ordinal)) return new Recipient(row.Recipient, null, row.Recipient[5..], null, row.Recipient[5..]);
        if (row.Recipient.StartsWith("chat:", StringComparison.Ordinal) && long.TryParse(row.Recipient.AsSpan(5), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var chat))
            return new Recipient(row.Recipient, null, row.Recipient, chat, null);
        return null;
    }

    private static Composition Drop(MessageRows rows, string reason) => new(null, [.. rows.Rows.Select(r => (r, reason))]);
}

/// <summary>Plan order of item numbers: «2» before «10», «2.1» after «2».</summary>
public sealed class NumberOrder : IComparer<string>
{
    public static NumberOrder Instance { get; } = new();

    public int Compare(string? x, string? y) => string.CompareOrdinal(Pad(x), Pad(y));

    private static string Pad(string? number) => string.Join('.', (number ?? "").Split('.').Select(p => p.PadLeft(6, '0')));
}
