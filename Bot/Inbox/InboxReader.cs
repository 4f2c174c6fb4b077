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
    /// flags and moves it away. While a batch is decided and recorded (the database's work), the link moves the batch
    /// recorded before it and downloads the next: a batch is still moved only once it is committed.
    /// </summary>
    /// <returns>How many letters there were.</returns>
    private async Task<int> DrainAsync(IMailFolder inbox, IMailFolder done, CancellationToken ct)
    {
        // A server without MOVE and UIDPLUS leaves moved letters flagged \Deleted until an expunge: they are not ours to read again.
        var uids = await inbox.SearchAsync(SearchQuery.NotDeleted, ct);
        var batches = uids.Chunk(BatchSize).ToList();
        if (batches.Count == 0) return 0;
        var validity = inbox.UidValidity;
        var own = OwnAddresses;
        var fetched = await FetchAsync(inbox, batches[0], validity, own, ct);
        // The next batch is checked against the database before this one is committed: a letter delivered twice, once in
        // each, is caught by its Message-Id here rather than decided against the replies its twin recorded.
        var decided = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batches.Count; i++)
        {
            var link = LinkAsync(inbox, done, i > 0 ? batches[i - 1] : null, i + 1 < batches.Count ? batches[i + 1] : null, validity, own, ct);
            var record = RecordAsync(fetched!, validity, decided, ct);
            // Both finish before either's failure is thrown: no IMAP command is left running on a link about to be dropped.
            // An array, not the params span: that adds compiler-made types without a namespace, which the architecture tests cannot place.
            await Task.WhenAll(new Task[] { link, record });
            fetched = await link;
        }
        await MoveAsync(inbox, done, batches[^1], ct);
        return uids.Count;
    }

    /// <summary>A batch's envelopes (Message-Id and size, to skip and to refuse before downloading) and its fresh letters' bodies.</summary>
    private sealed record FetchedBatch(IReadOnlyList<IMessageSummary> Fresh, Dictionary<uint, DownloadedLetter> Downloaded);

    /// <summary>The link's share while a batch is recorded: the batch recorded before it moved away, then the next one downloaded.</summary>
    private async Task<FetchedBatch?> LinkAsync(
        IMailFolder inbox, IMailFolder done, UniqueId[]? recorded, UniqueId[]? next, uint validity, IReadOnlySet<string> own, CancellationToken ct)
    {
        if (recorded is not null) await MoveAsync(inbox, done, recorded, ct);
        return next is null ? null : await FetchAsync(inbox, next, validity, own, ct);
    }

    private async Task<FetchedBatch> FetchAsync(IMailFolder inbox, UniqueId[] uidBatch, uint validity, IReadOnlySet<string> own, CancellationToken ct)
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
        return new FetchedBatch(fresh, downloaded);
    }

    /// <summary>Decides a batch's letters one by one and records them together (the database's share; no IMAP call).</summary>
    private async Task RecordAsync(FetchedBatch fetched, uint validity, HashSet<string> decided, CancellationToken ct)
    {
        var batch = new LetterBatch();
        await handler.PrepareAsync(fetched.Downloaded.Values.Select(d => d.Letter).OfType<InboxLetter>(), batch, ct);
        foreach (var summary in fetched.Fresh)
        {
            if (MessageIdOf(summary) is { } messageId && !decided.Add(messageId))
            {
                InboxLog.Duplicate(logger, summary.UniqueId.Id, messageId);
                continue;
            }
            await DecideAsync(new LetterPlace(Mailbox, validity, summary.UniqueId.Id), summary, fetched.Downloaded, batch, ct);
        }
        if (batch.Count > 0) await handler.CommitAsync(batch, ct);
    }

    private async Task MoveAsync(IMailFolder inbox, IMailFolder done, UniqueId[] uidBatch, CancellationToken ct)
    {
        await inbox.AddFlagsAsync(uidBatch, MessageFlags.Seen, true, ct);
        await inbox.MoveToAsync(uidBatch, done, ct);
        InboxLog.Batch(logger, uidBatch.Length, _options.DoneFolder);
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
