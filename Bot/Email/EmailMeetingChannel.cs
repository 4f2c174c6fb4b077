using NokoBot.Delivery;
using NokoBot.Meetings;
using NokoBot.Scheduling;

namespace NokoBot.Email;

/// <summary>Meeting agendas by email with the .ics invitation (an update replaces it, a cancellation cancels it).</summary>
public sealed class EmailMeetingChannel(AgendaMailer mailer) : IMeetingChannel
{
    public string Name => Channels.Email + "-meeting";

    public bool Reaches(MemberContact member) => !string.IsNullOrWhiteSpace(member.Email);

    /// <summary>Hands the invitation to the email outbox, which sends it (and retries) with the next sweep.</summary>
    public async Task<SendOutcome> SendAsync(MeetingNotice notice, MemberContact member, CancellationToken ct)
    {
        await mailer.EnqueueAgendaAsync(notice.Meeting, notice.CouncilName, notice.TimeZone, [(member.Id, member.Email!)], ct);
        return new SendOutcome.Sent(null);
    }
}
