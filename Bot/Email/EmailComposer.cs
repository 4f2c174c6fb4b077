using NokoBot.Texts;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NokoBot.Email;

/// <summary>What a builder renders: the subject and both bodies.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>The letter an answer replies to: its Message-Id and the thread before it (without angle brackets).</summary>
public sealed record LetterThread(string? InReplyTo, IReadOnlyList<string> References);

/// <summary>Turns rendered content into a MIME message with the headers every NokoBot email carries.</summary>
public sealed class EmailComposer(IOptions<SmtpOptions> options, TimeProvider time)
{
    private readonly SmtpOptions _options = options.Value;

    public MailboxAddress From => new(_options.FromName, FromAddress);

    /// <summary>The configured sender; a placeholder where nothing is sent (previews, the simulator).</summary>
    private string FromAddress => string.IsNullOrWhiteSpace(_options.From) ? "nokobot@localhost" : _options.From;

    /// <summary>
    /// Stable per delivery key: a retried send is the same message, and receiving servers and clients can
    /// drop the duplicate.
    /// </summary>
    public static string MessageIdFor(string deliveryKey, string fromAddress)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryKey)));
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "nokobot.local";
        return $"{hash[..32]}.nokobot@{domain}";
    }

    /// <param name="thread">For an answer to a person's letter: In-Reply-To and References, and it is an automatic reply.</param>
    public MimeMessage Compose(string deliveryKey, MailboxAddress to, RenderedEmail content, MimePart? attachment = null, LetterThread? thread = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var message = new MimeMessage();
        message.From.Add(From);
        message.To.Add(to);
        message.Subject = content.Subject;
        message.Date = time.GetUtcNow();
        message.MessageId = MessageIdFor(deliveryKey, FromAddress);
        // RFC 2369 / 3834: a way out, and no auto-replies to a robot.
        message.Headers.Add("List-Unsubscribe", $"<mailto:{FromAddress}?subject={Uri.EscapeDataString(EmailTexts.UnsubscribeSubject)}>");
        message.Headers.Add("Auto-Submitted", thread is null ? "auto-generated" : "auto-replied");
        if (thread is not null)
        {
            if (thread.InReplyTo is { } inReplyTo) message.InReplyTo = inReplyTo;
            foreach (var reference in thread.References) message.References.Add(reference);
        }
        message.Headers.Add("X-NokoBot-Delivery", deliveryKey);

        var body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html };
        if (attachment is not null) body.Attachments.Add(attachment);
        message.Body = body.ToMessageBody();
        return message;
    }
}
