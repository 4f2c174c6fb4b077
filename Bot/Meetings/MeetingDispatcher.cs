using System.Globalization;
using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;
using NokoBot.Storage;

namespace NokoBot.Meetings;

/// <summary>
/// Sends meeting agendas <c>AgendaDaysBefore</c> days ahead at the reminder hour (at once for a meeting set up later),
/// an updated agenda at once after a move, a cancellation at once, and a reminder on the morning of the meeting — each once per
/// member and channel, through the delivery ledger (the key carries the meeting's sequence).
/// </summary>
public sealed class MeetingDispatcher(
    MeetingStore meetings, AgendaService agendas, DeliveryLedger ledger, IEnumerable<IMeetingChannel> channels,
    TimeProvider time, ILogger<MeetingDispatcher> logger, StateStore? state = null)
{
    public static readonly TimeOnly MorningTime = new(8, 0);

    public async Task<int> DispatchAsync(CouncilSnapshot council, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var meeting in await meetings.ListAsync(council.Council.Id, ct))
        {
            if (meeting.ProtocolAt is { } attached && now - attached < ProtocolNewsFor)
            {
                sent += await TellProtocolAsync(council, meeting, now, ct);
                continue;
            }
            var start = Start(meeting, council);
            if (start <= now || meeting.ProtocolName is not null) continue;
            foreach (var kind in DueKinds(meeting, council, now))
            {
                var agenda = agendas.Agenda(council, meeting, await meetings.EditsAsync(meeting.Id, ct));
                var domainMeeting = AgendaService.ToMeeting(meeting, agenda);
                foreach (var member in await AudienceAsync(council, ct))
                    foreach (var channel in channels.Where(c => c.Reaches(member)))
                        sent += await SendOnceAsync(council, meeting, domainMeeting, kind, member, channel, now, ct) ? 1 : 0;
            }
        }
        return sent;
    }

    /// <summary>The next instant a meeting message falls due, for the scheduler's wake-up.</summary>
    public async Task<DateTimeOffset?> NextAsync(CouncilSnapshot council, DateTimeOffset now, CancellationToken ct)
    {
        DateTimeOffset? next = null;
        foreach (var meeting in await meetings.ListAsync(council.Council.Id, ct))
        {
            if (meeting.Cancelled || meeting.ProtocolName is not null || Start(meeting, council) <= now) continue;
            foreach (var at in new[] { AgendaAt(meeting, council), MorningAt(meeting, council) }.Where(a => a > now))
                if (next is null || at < next) next = at;
        }
        return next;
    }

    /// <summary>Members are told about a protocol that closed their items while it is news.</summary>
    public static readonly TimeSpan ProtocolNewsFor = TimeSpan.FromDays(7);

    /// <summary>The members of the parties whose items the protocol closed, each once, on Telegram.</summary>
    private async Task<int> TellProtocolAsync(CouncilSnapshot council, StoredMeeting meeting, DateTimeOffset now, CancellationToken ct)
    {
        var closed = (council.Plan?.Items ?? [])
            .Where(i => council.RepliesOf(i.Id).Any(r => r.Kind == Domain.Replies.ReplyKind.Protocol && r.File?.Sha256 == meeting.ProtocolSha256)
                && Domain.Replies.ItemProgress.ProtocolClosesItem(i.Result))
            .ToList();
        var sent = 0;
        var domainMeeting = AgendaService.ToMeeting(meeting, []);
        foreach (var member in council.Members)
        {
            var theirs = closed.Where(i => i.Parties.Intersect(member.Parties, StringComparer.OrdinalIgnoreCase).Any())
                .Select(i => $"{i.Number} «{i.Title}»").ToList();
            if (theirs.Count == 0) continue;
            foreach (var channel in channels.Where(c => c.Name == Channels.Telegram + "-meeting" && c.Reaches(member)))
                sent += await SendOnceAsync(council, meeting, domainMeeting, MeetingNoticeKind.ProtocolAttached, member, channel, now, ct, theirs) ? 1 : 0;
        }
        return sent;
    }

    /// <summary>Every member, and the council's group chat when the secretary linked one (/linkgroup).</summary>
    private async Task<IReadOnlyList<MemberContact>> AudienceAsync(CouncilSnapshot council, CancellationToken ct)
    {
        if (state is null || await state.GetAsync(Telegram.GroupHandler.GroupKey(council.Council.Id), ct) is not { } group
            || !long.TryParse(group, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var groupChat))
            return council.Members;
        return [.. council.Members, new MemberContact(GroupMemberId, "Группа совета", MemberRole.Member, groupChat, false, null, [])];
    }

    /// <summary>The group chat is not a member: its deliveries carry no member id.</summary>
    private const long GroupMemberId = 0;

    private static IEnumerable<MeetingNoticeKind> DueKinds(StoredMeeting meeting, CouncilSnapshot council, DateTimeOffset now)
    {
        if (meeting.Cancelled)
        {
            yield return MeetingNoticeKind.Cancelled;
            yield break;
        }
        // A moved meeting (a higher sequence) is news now, not three days before its new date.
        if (now >= AgendaAt(meeting, council) || meeting.Sequence > 0) yield return MeetingNoticeKind.Agenda;
        if (now >= MorningAt(meeting, council)) yield return MeetingNoticeKind.Morning;
    }

    private async Task<bool> SendOnceAsync(CouncilSnapshot council, StoredMeeting stored, Domain.Meetings.Meeting meeting, MeetingNoticeKind kind,
        MemberContact member, IMeetingChannel channel, DateTimeOffset now, CancellationToken ct, IReadOnlyList<string>? closedItems = null)
    {
        // The morning reminder and protocol news are chat messages; email carries the invitation and its updates.
        if (kind is MeetingNoticeKind.Morning or MeetingNoticeKind.ProtocolAttached && !channel.Name.StartsWith(Channels.Telegram, StringComparison.Ordinal))
            return false;
        var recipient = member.Id == GroupMemberId
            ? string.Create(CultureInfo.InvariantCulture, $"chat:{member.TelegramChatId}")
            : ReminderPlanner.Recipient(member);
        long? memberId = member.Id == GroupMemberId ? null : member.Id;
        var key = DeliveryKey.Create(string.Create(CultureInfo.InvariantCulture, $"meeting:{stored.Id}@{stored.Sequence}"),
            ReminderKind.Agenda, recipient, channel.Name, (int)kind);
        // Once per key: a new row is sent now; a row left pending by a transient failure is tried again when due.
        var existing = await ledger.FindAsync(key, ct);
        if (existing is null)
            await ledger.EnqueueAsync(new DeliveryRequest(key, council.Council.Id, null, memberId, ReminderKind.Agenda, channel.Name, recipient, now), ct);
        else if (existing.Status != DeliveryStatus.Pending || existing.DueAt > now)
            return false;
        var outcome = await channel.SendAsync(new MeetingNotice(key, kind, meeting, council.Council.Name, council.Council.TimeZone, closedItems), member, ct);
        if (outcome is SendOutcome.Sent s)
        {
            await ledger.MarkSentAsync(key, s.ExternalId, ct);
            return true;
        }
        var (error, retryAt) = outcome switch
        {
            SendOutcome.Retry r when (existing?.Attempts ?? 0) + 1 < DeliveryDispatcher.MaxAttempts =>
                (r.Error, (DateTimeOffset?)now + (r.After ?? DeliveryDispatcher.Backoff(existing?.Attempts ?? 0))),
            SendOutcome.Retry r => (r.Error, null),
            SendOutcome.Failed f => (f.Error, null),
            SendOutcome.Unreachable u => (u.Error, null),
            _ => ("unknown outcome", null),
        };
        await ledger.MarkFailedAsync(key, error, permanent: retryAt is null, retryAt, ct);
        MeetingLog.NotSent(logger, stored.Id, member.Id, channel.Name, error);
        return false;
    }

    private static DateTimeOffset Start(StoredMeeting meeting, CouncilSnapshot council) =>
        CouncilClock.ToInstant(DateOnly.FromDateTime(meeting.LocalStart), TimeOnly.FromDateTime(meeting.LocalStart), council.Zone);

    private static DateTimeOffset AgendaAt(StoredMeeting meeting, CouncilSnapshot council) =>
        CouncilClock.ToInstant(DateOnly.FromDateTime(meeting.LocalStart).AddDays(-council.Settings.AgendaDaysBefore), council.Settings.ReminderTime, council.Zone);

    private static DateTimeOffset MorningAt(StoredMeeting meeting, CouncilSnapshot council)
    {
        var morning = CouncilClock.ToInstant(DateOnly.FromDateTime(meeting.LocalStart), MorningTime, council.Zone);
        var start = Start(meeting, council);
        return morning < start ? morning : start.AddHours(-1);
    }
}

internal static partial class MeetingLog
{
    [LoggerMessage(EventId = 6001, EventName = "MeetingNoticeNotSent", Level = LogLevel.Warning,
        Message = "Meeting {MeetingId}: notice to member {MemberId} via {Channel} not sent: {Error}")]
    public static partial void NotSent(ILogger logger, long meetingId, long memberId, string channel, string error);
}
