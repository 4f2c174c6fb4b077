using NokoBot.Domain.Councils;

namespace NokoBot.Domain.Meetings;

/// <summary>What a message about a meeting says.</summary>
public enum MeetingNoticeKind { Agenda, Morning, Cancelled, ProtocolAttached }

/// <summary>
/// When members hear about a meeting: the agenda <see cref="CouncilSettings.AgendaDaysBefore"/> days ahead at the
/// reminder hour (at once for a meeting set up later, or moved), a reminder on the morning of the meeting, a
/// cancellation at once, and news of the protocol while it is news. Each is sent once: the delivery key carries the
/// meeting's sequence and the notice kind.
/// </summary>
public static class MeetingNotices
{
    public static readonly TimeOnly MorningTime = new(8, 0);

    /// <summary>Members are told about a protocol that closed their items while it is news.</summary>
    public static readonly TimeSpan ProtocolNewsFor = TimeSpan.FromDays(7);

    /// <summary>The notices due about <paramref name="meeting"/> at <paramref name="now"/>.</summary>
    /// <param name="protocolAt">When its protocol was attached, if it was.</param>
    public static IReadOnlyList<MeetingNoticeKind> Due(Meeting meeting, DateTimeOffset? protocolAt, CouncilSettings settings, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (protocolAt is { } attached) return now - attached < ProtocolNewsFor ? [MeetingNoticeKind.ProtocolAttached] : [];
        if (Start(meeting, zone) <= now) return [];
        if (meeting.Cancelled) return [MeetingNoticeKind.Cancelled];
        var due = new List<MeetingNoticeKind>();
        // A moved meeting (a higher sequence) is news now, not three days before its new date.
        if (now >= AgendaAt(meeting, settings, zone) || meeting.Sequence > 0) due.Add(MeetingNoticeKind.Agenda);
        if (now >= MorningAt(meeting, zone)) due.Add(MeetingNoticeKind.Morning);
        return due;
    }

    /// <summary>The next instant after <paramref name="now"/> a notice about the meeting falls due, for the scheduler's wake-up.</summary>
    public static DateTimeOffset? Next(Meeting meeting, bool hasProtocol, CouncilSettings settings, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Cancelled || hasProtocol || Start(meeting, zone) <= now) return null;
        return new[] { AgendaAt(meeting, settings, zone), MorningAt(meeting, zone) }.Where(a => a > now).Select(a => (DateTimeOffset?)a).Min();
    }

    public static DateTimeOffset Start(Meeting meeting, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return CouncilClock.ToInstant(meeting.Day, TimeOnly.FromDateTime(meeting.LocalStart), zone);
    }

    private static DateTimeOffset AgendaAt(Meeting meeting, CouncilSettings settings, TimeZoneInfo zone) =>
        CouncilClock.ToInstant(meeting.Day.AddDays(-settings.AgendaDaysBefore), settings.ReminderTime, zone);

    private static DateTimeOffset MorningAt(Meeting meeting, TimeZoneInfo zone)
    {
        var morning = CouncilClock.ToInstant(meeting.Day, MorningTime, zone);
        var start = Start(meeting, zone);
        return morning < start ? morning : start.AddHours(-1);
    }
}
