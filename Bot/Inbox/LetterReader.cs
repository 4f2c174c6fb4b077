using MimeKit;
using NokoBot.Storage;

namespace NokoBot.Inbox;

/// <summary>
/// Takes a letter apart: sender, thread, text (an HTML-only letter as text; MimeKit decodes base64 and charsets such as
/// windows-1251), attachments, whether it is automatic (RFC 3834's Auto-Submitted, X-Autoreply, Precedence bulk/junk/list,
/// our own address) and, for a delivery status notification (multipart/report), the addresses it reports.
/// </summary>
public static class LetterReader
{
    private static readonly string[] AutoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress-Is-Autoreply"];

    /// <param name="ownAddresses">Our own addresses (the sender and the mailbox), lower-case: a letter from them is ours.</param>
    public static InboxLetter Read(MimeMessage message, IReadOnlySet<string> ownAddresses)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(ownAddresses);
        var sender = message.From.Mailboxes.Select(m => EmailAddresses.Normalize(m.Address)).FirstOrDefault(a => a is not null);
        var references = message.References.ToList();
        IEnumerable<string> inReplyTo = message.InReplyTo is { Length: > 0 } id ? [id] : [];
        var thread = inReplyTo.Concat(Enumerable.Reverse(references)).Distinct(StringComparer.Ordinal).ToList();
        var bounces = Bounces(message);
        return new InboxLetter(
            string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim(), sender, message.Subject, thread, references,
            Text(message), [.. message.Attachments.OfType<MimePart>()], bounces is null ? Automatic(message, sender, ownAddresses) : null, bounces);
    }

    private static string Text(MimeMessage message)
    {
        if (message.TextBody is { } text) return text;
        if (message.HtmlBody is { } html) return HtmlText.Convert(html);
        return "";
    }

    private static string? Automatic(MimeMessage message, string? sender, IReadOnlySet<string> ownAddresses)
    {
        if (message.Headers[HeaderId.AutoSubmitted] is { } submitted && !submitted.Split(';')[0].Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            return "Auto-Submitted: " + submitted.Trim();
        foreach (var header in AutoReplyHeaders)
            if (message.Headers.Contains(header)) return header;
        var precedence = message.Headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list") return "Precedence: " + precedence;
        if (sender is not null && ownAddresses.Contains(sender)) return "our own address";
        return null;
    }

    /// <summary>The recipients a delivery status notification reports (RFC 3464), or null when the letter is not one.</summary>
    private static List<BouncedAddress>? Bounces(MimeMessage message)
    {
        var reports = message.BodyParts.OfType<MessageDeliveryStatus>().ToList();
        if (reports.Count == 0) return null;
        var found = new List<BouncedAddress>();
        foreach (var group in reports.SelectMany(r => r.StatusGroups))
        {
            var recipient = group["Final-Recipient"] ?? group["Original-Recipient"];
            var status = group["Status"]?.Trim();
            if (recipient is null || string.IsNullOrEmpty(status)) continue;
            var value = recipient.Contains(';', StringComparison.Ordinal) ? recipient[(recipient.IndexOf(';', StringComparison.Ordinal) + 1)..] : recipient;
            if (EmailAddresses.Normalize(value.Trim().Trim('<', '>')) is { } address) found.Add(new BouncedAddress(address, status.Split(' ')[0]));
        }
        return found;
    }
}
