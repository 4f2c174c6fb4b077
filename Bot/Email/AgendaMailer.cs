using MimeKit;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Email;

/// <summary>Meeting agendas by email: rendered once per member, with the invitation, into the email outbox.</summary>
public sealed class AgendaMailer(EmailComposer composer, EmailOutbox outbox, TimeProvider time)
{
    /// <summary>
    /// The agenda with its invitation, one delivery per member. The key includes the meeting's sequence, so an
    /// updated (or cancelled) meeting is a new delivery replacing the old invitation.
    /// </summary>
    public async Task<int> EnqueueAgendaAsync(
        Meeting meeting, string councilName, string timeZone, IReadOnlyList<(long? MemberId, string Address)> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(members);
        var from = composer.From;
        var content = MeetingEmail.Render(meeting, councilName, timeZone, from.Address);
        var occurrence = $"meeting:{meeting.Id}";
        var enqueued = 0;
        foreach (var (memberId, address) in members)
        {
            var key = DeliveryKey.Create(occurrence, ReminderKind.Agenda, $"mail:{address}", EmailOutbox.Channel, meeting.Sequence);
            var ics = MeetingCalendar.Build(meeting, councilName, timeZone, from.Address, from.Name ?? "", [address], time.GetUtcNow());
            var message = composer.Compose(key, MailboxAddress.Parse(address), content, MeetingEmail.IcsAttachment(ics, meeting.Cancelled));
            var request = new DeliveryRequest(
                key, meeting.CouncilId, null, memberId, ReminderKind.Agenda, EmailOutbox.Channel, address, time.GetUtcNow());
            if (await outbox.EnqueueAsync(request, message, ct)) enqueued++;
        }
        return enqueued;
    }
}
