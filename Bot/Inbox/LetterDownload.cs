using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace NokoBot.Inbox;

/// <summary>A letter downloaded and taken apart, or why it could not be parsed.</summary>
internal sealed record DownloadedLetter(InboxLetter? Letter, string? Problem);

/// <summary>
/// Downloads a batch's letters in one UID FETCH of their bodies (BODY.PEEK[]: nothing is flagged until the batch is
/// recorded) instead of one FETCH per letter, whose round trips cost as much as the bodies themselves, and takes each
/// apart as it arrives.
/// </summary>
internal static class LetterDownload
{
    public static async Task<Dictionary<uint, DownloadedLetter>> ReadAsync(
        IMailFolder folder, IList<UniqueId> uids, IReadOnlySet<string> ownAddresses, CancellationToken ct)
    {
        var read = new Dictionary<uint, DownloadedLetter>(uids.Count);
        if (uids.Count == 0) return read;
        // ImapFolder is what the reader always holds; GetStreamsAsync is not on IMailFolder.
        var imap = (ImapFolder)folder;
        await imap.GetStreamsAsync(uids, (_, _, uid, stream, token) =>
        {
            read[uid.Id] = Parse(stream, ownAddresses, token);
            return Task.CompletedTask;
        }, ct);
        return read;
    }

    private static DownloadedLetter Parse(Stream stream, IReadOnlySet<string> ownAddresses, CancellationToken ct)
    {
        try
        {
            // The stream is gone when the callback returns: the letter is taken apart here, while it is read.
            return new DownloadedLetter(LetterReader.Read(MimeMessage.Load(stream, ct), ownAddresses), null);
        }
        catch (FormatException e) // MimeKit's ParseException is one
        {
            return new DownloadedLetter(null, e.Message);
        }
    }
}
