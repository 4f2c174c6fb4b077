using Microsoft.Extensions.Logging;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// The one outbox's sender: pending ledger rows are grouped into messages (everything due for one person at one
/// moment is one message), rendered from the council's state as it is now, sent through their channel, and each
/// outcome recorded on every row of the message. It is the one owner of retries: channels only classify what
/// happened. Several instances can send over one database: each claims whole recipients' rows with a lease, renews
/// the lease of one message just before sending it, and its outcome writes land only while the claim is its own. One
/// send is in flight at a time, so a crash can repeat at most one message.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryLedger ledger, Outbox outbox, CouncilSnapshotStore snapshots, MemberDirectory members, IEnumerable<IDeliveryChannel> channels,
    DispatchInstance instance, InstanceHeartbeat heartbeat, TimeProvider time, ILogger<DeliveryDispatcher> logger)
{
    /// <summary>At most about this many rows per call; the sweep comes back at once for the rest.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// Recipients taken per claim: small enough that instances share a burst, and that a claim is sent long before its
    /// lease ends even at a third of Telegram's rate.
    /// </summary>
    public const int ClaimRecipients = 100;

    private readonly Dictionary<string, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
    /// <summary>Whether this process has dispatched yet: claims under its own id before that are an earlier life's.</summary>
    private bool _dispatching;
    private readonly HashSet<long> _changed = [];

    /// <summary>Whether a channel of that name is there (email only when SMTP is configured).</summary>
    public bool Has(string channel) => _channels.ContainsKey(channel);

    /// <summary>This process's id in the claims.</summary>
    public string InstanceId => instance.Id;

    /// <summary>
    /// Sends the pending deliveries due by <paramref name="now"/> that this instance can claim (about
    /// <see cref="BatchSize"/> rows at most). What it claimed and did not send is given back at the end.
    /// </summary>
    /// <param name="loaded">Snapshots the caller already holds; others are read as needed.</param>
    /// <param name="only">Send only these keys (the CLI sending the digest it enqueued); null: every due row.</param>
    /// <returns>How many messages were sent.</returns>
    public async Task<int> SendPendingAsync(
        IReadOnlyDictionary<long, CouncilSnapshot> loaded, DateTimeOffset now, IReadOnlySet<string>? only, CancellationToken ct)
    {
        var sent = 0;
        var handled = 0;
        var councils = new Dictionary<long, CouncilSnapshot?>();
        var reread = new HashSet<long>();
        _changed.Clear();
        await ReleaseGoneAsync(ct);
        _dispatching = true;
        try
        {
            while (handled < BatchSize)
            {
                // A fallback changed a member: the next claim reads that council afresh, as a next pass would.
                foreach (var changed in _changed)
                {
                    councils.Remove(changed);
                    reread.Add(changed);
                }
                _changed.Clear();
                await heartbeat.BeatAsync(force: true, ct);
                if (time.GetUtcNow() < heartbeat.QuietUntil) break;
                var leasedUntil = time.GetUtcNow() + instance.Lease;
                var claimed = await ledger.ClaimAsync(instance.Id, now, time.GetUtcNow(), leasedUntil, ClaimRecipients, only, ct);
                if (claimed.Count == 0) break;
                handled += claimed.Count;
                foreach (var message in Interleave(MessageComposer.Group(claimed)))
                {
                    ct.ThrowIfCancellationRequested();
                    if (!councils.TryGetValue(message.CouncilId, out var snapshot))
                        councils[message.CouncilId] = snapshot = !reread.Contains(message.CouncilId) && loaded.TryGetValue(message.CouncilId, out var known)
                            ? known : await snapshots.LoadAsync(message.CouncilId, ct);
                    if (snapshot is not null && await SendOneAsync(snapshot, message, leasedUntil, ct)) sent++;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what is not sent goes back at once instead of waiting for the lease to end.
            await ledger.ReleaseAsync(instance.Id, CancellationToken.None);
            throw;
        }
        await ledger.ReleaseAsync(instance.Id, ct);
        return sent;
    }

    /// <summary>
    /// Round-robin over recipients, oldest first within each: one member's messages do not hold everyone else behind
    /// Telegram's one-message-per-second-per-chat limit.
    /// </summary>
    public static IEnumerable<MessageRows> Interleave(IReadOnlyList<MessageRows> messages)
    {
        var queues = messages.GroupBy(m => m.Recipient, StringComparer.Ordinal).Select(g => new Queue<MessageRows>(g)).ToList();
        while (queues.Count > 0)
        {
            foreach (var queue in queues) yield return queue.Dequeue();
            queues.RemoveAll(q => q.Count == 0);
        }
    }

    /// <param name="leasedUntil">When the claim that took these rows ends.</param>
    private async Task<bool> SendOneAsync(CouncilSnapshot snapshot, MessageRows message, DateTimeOffset leasedUntil, CancellationToken ct)
    {
        // A batch can take a minute under the rate limits: staleness, retry times and the lease count from the send itself.
        await heartbeat.BeatAsync(force: false, ct);
        var now = time.GetUtcNow();
        // With more than half the lease left (longer than any one send), nobody else can have these rows: no write needed.
        if (leasedUntil - now < instance.Lease / 2)
        {
            var mine = await ledger.RenewAsync(instance.Id, [.. message.Rows.Select(r => r.Id)], now + instance.Lease, ct);
            if (mine.Count < message.Rows.Count)
            {
                // The lease ran out before this message's turn and another instance took the rows (or they were ended).
                DeliveryLog.ClaimLost(logger, message.Key, instance.Id, message.Rows.Count - mine.Count);
                message = message with { Rows = [.. message.Rows.Where(r => mine.Contains(r.Id))] };
                if (message.Rows.Count == 0) return false;
            }
        }

        var stale = message.Rows.Where(r => ReminderKinds.Parse(r.Kind) is { } k && k.IsItemReminder() && now - r.DueAt > snapshot.Settings.CatchUpGrace).ToList();
        foreach (var row in stale) await SkipAsync(row.Key, SkipReasons.Stale, ct);
        if (stale.Count > 0) message = message with { Rows = [.. message.Rows.Except(stale)] };
        if (message.Rows.Count == 0) return false;
        if (!_channels.TryGetValue(message.Channel, out var channel))
        {
            // Left pending it would wake the scheduler again at once, forever.
            DeliveryLog.NoChannel(logger, message.Key, message.Channel);
            foreach (var row in message.Rows) await SkipAsync(row.Key, SkipReasons.NoChannel(message.Channel), ct);
            return false;
        }

        var composition = MessageComposer.Compose(snapshot, message, now);
        foreach (var (row, reason) in composition.Dropped) await SkipAsync(row.Key, reason, ct);
        if (composition.Message is not { } outgoing) return false;
        var rows = message.Rows.Except(composition.Dropped.Select(d => d.Row)).ToList();

        SendOutcome outcome;
        try
        {
            outcome = await channel.SendAsync(outgoing, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new SendOutcome.Retry(e.GetType().Name + ": " + e.Message);
        }

        var attempts = rows.Max(r => r.Attempts);
        switch (outcome)
        {
            case SendOutcome.Sent s:
                foreach (var row in rows) Written(row.Key, await ledger.MarkSentAsync(row.Key, s.ExternalId, ct, Claim()));
                DeliveryLog.Sent(logger, outgoing.Key, rows.Count, outgoing.To.MemberId, message.Channel, outgoing.Late);
                return true;
            case SendOutcome.Retry r when RetryPolicy.RetryAt(attempts, now, r.After) is { } retryAt:
                foreach (var row in rows) Written(row.Key, await ledger.MarkFailedAsync(row.Key, r.Error, permanent: false, retryAt, ct, Claim()));
                DeliveryLog.WillRetry(logger, outgoing.Key, r.Error, retryAt);
                return false;
            case SendOutcome.Retry r:
                await FailAsync(rows, r.Error, ct);
                return false;
            case SendOutcome.Unreachable u:
                await FailAsync(rows, u.Error, ct);
                await FallBackAsync(snapshot, message.Channel, rows, u.Error, ct);
                return false;
            case SendOutcome.Failed f:
                await FailAsync(rows, f.Error, ct);
                return false;
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}");
        }
    }

    /// <summary>
    /// The member blocked the bot or their chat is gone: stop using Telegram for them, tell the secretary once (through
    /// the outbox), and send these by email if they have a working address.
    /// </summary>
    private async Task FallBackAsync(CouncilSnapshot snapshot, string channel, List<DeliveryEntry> rows, string error, CancellationToken ct)
    {
        if (channel != Channels.Telegram || rows[0].MemberId is not { } memberId || snapshot.Member(memberId) is not { } member) return;
        await members.MarkTelegramUnreachableAsync(memberId, ct);
        _changed.Add(snapshot.Council.Id);
        var what = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"telegram-{member.TelegramChatId}");
        await outbox.EnqueueNoticeAsync(null, null, snapshot, new NoticePayload(memberId, Domain.Councils.ContactProblem.TelegramLost, null, error), what, time.GetUtcNow(), ct);
        if (!member.CanUseEmail)
        {
            DeliveryLog.Unreachable(logger, memberId, channel, error, "nothing");
            return;
        }
        DeliveryLog.Unreachable(logger, memberId, channel, error, Channels.Email);
        foreach (var row in rows)
        {
            var kind = ReminderKinds.Parse(row.Kind) ?? ReminderKind.Agenda;
            // A meeting's agenda already goes by email on its own row.
            if (kind == ReminderKind.Agenda) continue;
            await ledger.EnqueueAsync(new DeliveryRequest(
                DeliveryKey.WithChannel(row.Key, Channels.Email), row.CouncilId, row.ItemId, memberId,
                kind, Channels.Email, row.Recipient, row.DueAt), ct, row.Late);
        }
    }

    private async Task SkipAsync(string key, string reason, CancellationToken ct)
    {
        if (Written(key, await ledger.MarkSkippedAsync(key, reason, ct, Claim()))) DeliveryLog.Skipped(logger, key, reason);
    }

    private async Task FailAsync(IEnumerable<DeliveryEntry> rows, string error, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            if (Written(row.Key, await ledger.MarkFailedAsync(row.Key, error, permanent: true, null, ct, Claim()))) DeliveryLog.Failed(logger, row.Key, error);
        }
    }

    /// <summary>
    /// Claims of an instance that is certainly gone (this process's earlier life, or a process of this host that no
    /// longer runs) go back at once instead of after their lease: a restarted single instance resumes at once, and
    /// repeats only the message that was in flight.
    /// </summary>
    private async Task ReleaseGoneAsync(CancellationToken ct)
    {
        foreach (var claimant in await ledger.ClaimantsAsync(time.GetUtcNow(), ct))
        {
            if (claimant == instance.Id && _dispatching) continue; // this process's own, mid-pass
            if (!instance.IsGone(claimant)) continue;
            DeliveryLog.ClaimsTakenOver(logger, claimant, await ledger.ReleaseAsync(claimant, ct), instance.Id);
        }
    }

    /// <summary>This instance's claim on an outcome it writes now, held on the row for the recipient's spacing.</summary>
    private DeliveryLedger.Claim Claim() => new(instance.Id, time.GetUtcNow() + DispatchInstance.RecipientHold);

    /// <summary>An outcome write that did not land: the row was taken over by another instance (or ended) meanwhile.</summary>
    private bool Written(string key, bool written)
    {
        if (!written) DeliveryLog.OutcomeRefused(logger, key, instance.Id);
        return written;
    }
}
