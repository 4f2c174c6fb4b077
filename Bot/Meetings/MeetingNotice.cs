using NokoBot.Delivery;
using NokoBot.Domain.Meetings;
using NokoBot.Scheduling;

namespace NokoBot.Meetings;

public enum MeetingNoticeKind { Agenda, Morning, Cancelled, ProtocolAttached }

/// <summary>One message about a meeting for one member: the agenda (or its update), the morning reminder, the cancellation.</summary>
/// <param name="ClosedItems">For <see cref="MeetingNoticeKind.ProtocolAttached"/>: the member's items the protocol closed («8 «Обсуждение…»»).</param>
public sealed record MeetingNotice(
    string DeliveryKey, MeetingNoticeKind Kind, Meeting Meeting, string CouncilName, string TimeZone, IReadOnlyList<string>? ClosedItems = null);

/// <summary>A way to tell members about meetings (Telegram text; email with the .ics invitation).</summary>
public interface IMeetingChannel
{
    /// <summary>The ledger channel name.</summary>
    string Name { get; }

    /// <summary>Whether this member can be reached on this channel.</summary>
    bool Reaches(MemberContact member);

    Task<SendOutcome> SendAsync(MeetingNotice notice, MemberContact member, CancellationToken ct);
}
