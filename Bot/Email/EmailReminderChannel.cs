using MimeKit;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;

namespace NokoBot.Email;

/// <summary>
/// Item reminders by email for <see cref="DeliveryDispatcher"/> (which owns their ledger rows and retries):
/// renders the notice, sends it, and classifies the server's answer. The Message-Id comes from the delivery key,
/// so a retry is the same message.
/// </summary>
public sealed class EmailReminderChannel(EmailComposer composer, EmailSender sender) : IReminderChannel
{
    public string Name => Channels.Email;

    public async Task<SendOutcome> SendReminderAsync(ReminderNotice notice, MemberContact recipient, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipient);
        if (string.IsNullOrWhiteSpace(recipient.Email) || !MailboxAddress.TryParse(recipient.Email, out var to))
            return new SendOutcome.Failed("no valid email address");
        to.Name = recipient.Name;
        var message = composer.Compose(notice.DeliveryKey, to, ReminderEmail.Render(notice, composer.From.Address));
        var result = (await sender.SendBatchAsync([new OutgoingEmail(notice.DeliveryKey, message)], ct)).Single();
        return result.Outcome switch
        {
            EmailOutcome.Sent => new SendOutcome.Sent(message.MessageId),
            EmailOutcome.Transient => new SendOutcome.Retry(result.Detail),
            _ => new SendOutcome.Failed(result.Detail),
        };
    }
}
