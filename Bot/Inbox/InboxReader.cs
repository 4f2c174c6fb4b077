using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Email;

namespace NokoBot.Inbox;

/// <summary>
/// Reads the members' mailbox over IMAP for as long as the service runs: every letter in <c>Imap:Folder</c> is handled
/// (<see cref="LetterHandler"/>), flagged \Seen and moved to <c>Imap:DoneFolder</c> (created if missing). Between
/// batches it waits in IDLE when the server offers it (re-issued every <see cref="IdleRenewal"/>, as RFC 2177 asks),
/// else polls with NOOP every <see cref="PollInterval"/>. A server that is down or drops the link is a warning and a
/// reconnect with back-off, never a stopped service. A letter moved but not yet recorded is read again; a letter
/// recorded but not yet moved is only moved: its UID was recorded with its effects.
/// </summary>
public sealed class InboxReader(IOptions<ImapOptions> options, IOptions<SmtpOptions> smtp, LetterHandler handler, NokoBot.Storage.InboundLetters letters,
    TimeProvider time, ILogger<InboxReader> logger) : BackgroundService
{
    public static readonly TimeSpan IdleRenewal = TimeSpan.FromMinutes(9);
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(5);

    /// <summary>Letters fetched, handled and moved together.</summary>
    private const int BatchSize = 100;

    private readonly ImapOptions _options = options.Value;
    private readonly System.Net.Security.RemoteCertificateValidationCallback? _trust = CertificateTrust.For(options.Value.TrustedCertificate);

    private string Mailbox => $"{_options.User}@{_options.Host}:{_options.Port}/{_options.Folder}";

    /// <summary>Letters from these addresses are our own, never answered.</summary>
    private HashSet<string> OwnAddresses =>
        [.. new[] { smtp.Value.From, _options.User }.Select(NokoBot.Storage.EmailAddresses.Normalize).OfType<string>()];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient { Timeout = _options.TimeoutSeconds * 1000, ServerCertificateValidationCallback = _trust };
                await ConnectAsync(client, stoppingToken);
                delay = FirstRetry;
                await ServeAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) // the server, the link or a letter's storage failed: never stop reading, try again later
            {
                if (e is AuthenticationException) InboxLog.LoginRefused(logger, Mailbox);
                InboxLog.Unavailable(logger, Mailbox, delay.TotalSeconds, $"{e.GetType().Name}: {e.Message}");
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    private async Task ConnectAsync(ImapClient client, CancellationToken ct)
    {
        var security = _options.Security switch
        {
            ImapSecurity.None => SecureSocketOptions.None,
            ImapSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.SslOnConnect,
        };
        await client.ConnectAsync(_options.Host, _options.Port, security, ct);
        await client.AuthenticateAsync(_options.User, _options.Password ?? "", ct);
    }

    private async Task ServeAsync(ImapClient client, CancellationToken ct)
    {
        var inbox = await client.GetFolderAsync(_options.Folder, ct);
        var done = await DoneFolderAsync(client, ct);
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var idle = client.Capabilities.HasFlag(ImapCapabilities.Idle);
        InboxLog.Connected(logger, Mailbox, idle ? "IDLE" : "polling");
        while (true)
        {
            if (await DrainAsync(inbox, done, ct) > 0 && inbox.Count > 0) continue; // more arrived meanwhile
            if (idle) await IdleAsync(client, inbox, ct);
            else
            {
                await Task.Delay(PollInterval, time, ct);
                await client.NoOpAsync(ct);
            }
        }
    }

    /// <summary>Waits in IDLE until a letter arrives or the renewal time is up.</summary>
    private async Task IdleAsync(ImapClient client, IMailFolder inbox, CancellationToken ct)
    {
        using var renew = new CancellationTokenSource(IdleRenewal, time);
        void Arrived(object? sender, EventArgs e) => renew.Cancel();
        inbox.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(renew.Token, ct);
        }
        finally
        {
            inbox.CountChanged -= Arrived;
        }
    }

    private async Task<IMailFolder> DoneFolderAsync(ImapClient client, CancellationToken ct)
    {
        try
        {
            return await client.GetFolderAsync(_options.DoneFolder, ct);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(_options.DoneFolder, true, ct)
                ?? throw new FolderNotFoundException(_options.DoneFolder);
        }
    }

    /// <summary>
    /// Handles every letter in the folder a batch at a time — a letter recorded before, by its UID or its Message-Id,
    /// is not downloaded again; the rest are downloaded in one FETCH — records each batch in one transaction, then
    /// flags and moves it away.
    /// </summary>
    /// <returns>How many letters there were.</returns>
    private async Task<int> DrainAsync(IMailFolder inbox, IMailFolder done, CancellationToken ct)
    {
        // A server without MOVE and UIDPLUS leaves moved letters flagged \Deleted until an expunge: they are not ours to read again.
        var uids = await inbox.SearchAsync(SearchQuery.NotDeleted, ct);
        var validity = inbox.UidValidity;
        var own = OwnAddresses;
        foreach (var uidBatch in uids.Chunk(BatchSize))
        {
            var summaries = await inbox.FetchAsync(uidBatch, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct);
            var handled = await letters.HandledAsync(Mailbox, validity, [.. uidBatch.Select(u => u.Id)],
                [.. summaries.Select(MessageIdOf).OfType<string>()], ct);
            var fresh = new List<IMessageSummary>(summaries.Count);
            foreach (var summary in summaries)
            {
                var messageId = MessageIdOf(summary) ?? "";
                if (handled.Uids.Contains(summary.UniqueId.Id) || handled.MessageIds.Contains(messageId))
                    InboxLog.Duplicate(logger, summary.UniqueId.Id, messageId);
                else fresh.Add(summary);
            }
            var downloaded = await LetterDownload.ReadAsync(inbox, [.. fresh.Where(s => !IsTooLarge(s)).Select(s => s.UniqueId)], own, ct);
            var batch = new LetterBatch();
            foreach (var summary in fresh)
                await DecideAsync(new LetterPlace(Mailbox, validity, summary.UniqueId.Id), summary, downloaded, batch, ct);
            if (batch.Count > 0) await handler.CommitAsync(batch, ct);
            await inbox.AddFlagsAsync(uidBatch, MessageFlags.Seen, true, ct);
            await inbox.MoveToAsync(uidBatch, done, ct);
            InboxLog.Batch(logger, uidBatch.Length, _options.DoneFolder);
        }
        return uids.Count;
    }

    private static string? MessageIdOf(IMessageSummary summary) =>
        summary.Envelope?.MessageId is { Length: > 0 } id ? id.Trim().Trim('<', '>') : null;

    private static bool IsTooLarge(IMessageSummary summary) => summary.Size is { } size && size > LetterHandler.MaxLetterBytes;

    private async Task DecideAsync(LetterPlace place, IMessageSummary summary, Dictionary<uint, DownloadedLetter> downloaded, LetterBatch batch, CancellationToken ct)
    {
        var messageId = MessageIdOf(summary);
        var sender = summary.Envelope?.From.Mailboxes.FirstOrDefault()?.Address?.ToLowerInvariant();
        if (IsTooLarge(summary))
        {
            handler.TooLarge(place, messageId, sender, summary.Size!.Value, batch);
            return;
        }
        // Not sent (expunged by another client meanwhile?): the batch is not moved unrecorded but read again after the back-off.
        if (!downloaded.TryGetValue(place.Uid, out var read)) throw new MessageNotFoundException($"The server did not send letter uid {place.Uid}.");
        if (read.Letter is not { } letter)
        {
            handler.Unreadable(place, messageId, sender, read.Problem ?? "", batch);
            return;
        }
        try
        {
            await handler.DecideAsync(place, letter, batch, ct);
        }
        catch (Exception e) when (IsAboutTheLetter(e))
        {
            // A letter the code cannot deal with must not hold up the mailbox: it is recorded, logged and kept in the done folder.
            handler.Unreadable(place, messageId, sender, $"{e.GetType().Name}: {e.Message}", batch);
        }
    }

    /// <summary>Not the database, the disk, the link or a stop: those are retried with the whole batch.</summary>
    private static bool IsAboutTheLetter(Exception e) =>
        e is not (OperationCanceledException or System.Data.Common.DbException or IOException or System.Net.Sockets.SocketException
            or ImapProtocolException or ImapCommandException or ServiceNotConnectedException or UnauthorizedAccessException);
}
