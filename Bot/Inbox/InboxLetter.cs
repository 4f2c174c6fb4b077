using MimeKit;

namespace NokoBot.Inbox;

/// <summary>A failed recipient of one of our letters, as a delivery status notification reports it.</summary>
/// <param name="Status">The RFC 3463 status, e.g. «5.1.1».</param>
public sealed record BouncedAddress(string Address, string Status)
{
    /// <summary>5.x.x: the address will not work; 4.x.x is only a delay.</summary>
    public bool Permanent => Status.StartsWith('5');
}

/// <summary>What the inbox needs of a letter read from the mailbox, its MIME already taken apart.</summary>
/// <param name="MessageId">Without angle brackets; null when the letter has none.</param>
/// <param name="Sender">The From address, lower-case; null when there is none that parses.</param>
/// <param name="Thread">Our Message-Ids it may answer, most specific first: In-Reply-To, then References newest first.</param>
/// <param name="References">The letter's own References, oldest first (an answer threads under them).</param>
/// <param name="Text">The body as text (an HTML-only letter converted), quotes included.</param>
/// <param name="Automatic">Why it is an automatic letter that must never be answered, or null.</param>
/// <param name="Bounces">For a delivery status notification: the addresses it reports; null for any other letter.</param>
public sealed record InboxLetter(
    string? MessageId, string? Sender, string? Subject, IReadOnlyList<string> Thread, IReadOnlyList<string> References,
    string Text, IReadOnlyList<MimePart> Attachments, string? Automatic, IReadOnlyList<BouncedAddress>? Bounces);
