using MimeKit;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Email;

/// <summary>The entry points the scheduler uses: render a reminder or an agenda and put it in the email outbox.</summary>
public sealed class EmailReminders(EmailComposer composer, EmailOutbox outbox, TimeProvider time)
{
    /// <param name="request">The ledger row (its key is the notice's delivery key; its recipient the address).</param>
    public Task<bool> EnqueueReminderAsync(DeliveryRequest request, ReminderNotice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notice);
        var content = ReminderEmail.Render(notice, composer.From.Address);
        var message = composer.Compose(request.Key, MailboxAddress.Parse(request.Recipient), content);
        return outbox.EnqueueAsync(request, message, ct);
    }

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
