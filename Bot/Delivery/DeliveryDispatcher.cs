using Microsoft.Extensions.Logging;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// The one outbox's sender: pending ledger rows are grouped into messages (everything due for one person at one
/// moment is one message), rendered from the council's state as it is now, sent through their channel, and each
/// outcome recorded on every row of the message. It is the one owner of retries: channels only classify what
/// happened. One send is in flight at a time, so a crash can repeat at most one message.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryLedger ledger, Outbox outbox, CouncilSnapshotStore snapshots, MemberDirectory members, IEnumerable<IDeliveryChannel> channels,
    TimeProvider time, ILogger<DeliveryDispatcher> logger)
{
    public const int BatchSize = 1000;

    private readonly Dictionary<string, IDeliveryChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Whether a channel of that name is there (email only when SMTP is configured).</summary>
    public bool Has(string channel) => _channels.ContainsKey(channel);

    /// <summary>
    /// Sends the pending deliveries due by <paramref name="now"/> (up to <see cref="BatchSize"/> rows; the sweep comes back
    /// at once for the rest).
    /// </summary>
    /// <param name="loaded">Snapshots the caller already holds; others are read as needed.</param>
    /// <param name="only">Send only these keys (the CLI sending the digest it enqueued); null: every due row.</param>
    /// <returns>How many messages were sent.</returns>
    public async Task<int> SendPendingAsync(
        IReadOnlyDictionary<long, CouncilSnapshot> loaded, DateTimeOffset now, IReadOnlySet<string>? only, CancellationToken ct)
    {
        var pending = (await ledger.PendingAsync(now, BatchSize, ct)).Where(p => only is null || only.Contains(p.Key)).ToList();
        var councils = new Dictionary<long, CouncilSnapshot?>();
        var sent = 0;
        foreach (var message in Interleave(MessageComposer.Group(pending)))
        {
            ct.ThrowIfCancellationRequested();
            if (!councils.TryGetValue(message.CouncilId, out var snapshot))
                councils[message.CouncilId] = snapshot = loaded.TryGetValue(message.CouncilId, out var known) ? known : await snapshots.LoadAsync(message.CouncilId, ct);
            // A batch can take a minute under the rate limits: staleness and retry times count from the send itself.
            if (snapshot is not null && await SendOneAsync(snapshot, message, time.GetUtcNow(), ct)) sent++;
        }
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

    private async Task<bool> SendOneAsync(CouncilSnapshot snapshot, MessageRows message, DateTimeOffset now, CancellationToken ct)
    {
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
                foreach (var row in rows) await ledger.MarkSentAsync(row.Key, s.ExternalId, ct);
                DeliveryLog.Sent(logger, outgoing.Key, rows.Count, outgoing.To.MemberId, message.Channel, outgoing.Late);
                return true;
            case SendOutcome.Retry r when RetryPolicy.RetryAt(attempts, now, r.After) is { } retryAt:
                foreach (var row in rows) await ledger.MarkFailedAsync(row.Key, r.Error, permanent: false, retryAt, ct);
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
        await ledger.MarkSkippedAsync(key, reason, ct);
        DeliveryLog.Skipped(logger, key, reason);
    }

    private async Task FailAsync(IEnumerable<DeliveryEntry> rows, string error, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            await ledger.MarkFailedAsync(row.Key, error, permanent: true, null, ct);
            DeliveryLog.Failed(logger, row.Key, error);
        }
    }
}
