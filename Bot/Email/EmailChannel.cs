using MimeKit;
using NokoBot.Delivery;

namespace NokoBot.Email;

/// <summary>
/// Every message by email for the dispatcher (which owns the ledger rows and retries): renders it, sends it over
/// SMTP and classifies the server's answer. The Message-Id comes from the message's key, so a retry is the same
/// message and mail clients fold a duplicate into one.
/// </summary>
public sealed class EmailChannel(EmailRenderer renderer, EmailSender sender) : IDeliveryChannel
{
    public string Name => Channels.Email;

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (renderer.Render(message) is not { } mime) return new SendOutcome.Failed("no valid email address");
        var result = (await sender.SendBatchAsync([new OutgoingEmail(message.Key, mime)], ct)).Single();
        return result.Outcome switch
        {
            EmailOutcome.Sent => new SendOutcome.Sent(mime.MessageId),
            EmailOutcome.Transient => new SendOutcome.Retry(result.Detail),
            _ => new SendOutcome.Failed(result.Detail),
        };
    }
}
