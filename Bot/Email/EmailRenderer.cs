using Microsoft.Extensions.Options;
using MimeKit;
using NokoBot.Delivery;

namespace NokoBot.Email;

/// <summary>Turns an outgoing message into the MIME message the email channel sends (and the simulator writes).</summary>
public sealed class EmailRenderer(EmailComposer composer, IOptions<ImapOptions> imap, TimeProvider time)
{
    /// <summary>Letters say to answer them when the mailbox is read; else to use the bot in Telegram.</summary>
    private readonly bool _repliesByEmail = imap.Value.Enabled;

    /// <returns>null when the recipient has no valid address.</returns>
    public MimeMessage? Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.To.Email) || !MailboxAddress.TryParse(message.To.Email, out var to)) return null;
        if (message.To.MemberId is not null) to.Name = message.To.Name;
        var from = composer.From;
        return message switch
        {
            ReminderMessage m => composer.Compose(m.Key, to, ReminderEmail.Render(m, from.Address, _repliesByEmail)),
            AnswerMessage m => composer.Compose(m.Key, to, AnswerEmail.Render(m), thread: new LetterThread(m.InReplyTo, m.References)),
            WelcomeMessage m => composer.Compose(m.Key, to, WelcomeEmail.Render(m, from.Address, _repliesByEmail)),
            AddressCodeMessage m => composer.Compose(m.Key, to, AddressCodeEmail.Render(m)),
            MemberNoticeMessage m => composer.Compose(m.Key, to, NoticeEmail.Render(m, from.Address)),
            PlanOverMessage m => composer.Compose(m.Key, to, PlanOverEmail.Render(m, from.Address)),
            RolloverOfferMessage m => composer.Compose(m.Key, to, RolloverOfferEmail.Render(m, from.Address)),
            DigestMessage m => composer.Compose(m.Key, to, DigestEmail.Render(m.Digest, m.TimeZone, from.Address)),
            MeetingMessage m => composer.Compose(m.Key, to, MeetingEmail.Render(m.Meeting, m.CouncilName, m.TimeZone, from.Address),
                MeetingEmail.IcsAttachment(
                    MeetingCalendar.Build(m.Meeting, m.CouncilName, m.TimeZone, from.Address, from.Name ?? "", [to.Address], time.GetUtcNow()),
                    m.Meeting.Cancelled)),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message, "Unknown message."),
        };
    }
}
