using Microsoft.Extensions.Logging;
using MimeKit;
using NokoBot.Delivery;
using NokoBot.Storage;

namespace NokoBot.Email;

/// <summary>What one dispatch did.</summary>
public sealed record DispatchReport(int Sent, int Deferred, int Failed)
{
    public static DispatchReport Empty { get; } = new(0, 0, 0);
}

/// <summary>
/// Pre-rendered email deliveries (digests, agendas) through the ledger: enqueue writes the rendered message and the ledger row (once per key);
/// dispatch sends what is pending over one connection and marks each result. Server down → rows stay pending with
/// a later due time (back-off) and go out when it returns; a key already in the ledger is never enqueued again.
/// A crash between the server's "250" and the mark re-sends the same bytes with the same Message-Id, which
/// mail clients fold into one.
/// </summary>
public sealed class EmailOutbox(
    DeliveryLedger ledger, EmailOutboxStore store, EmailSender sender, TimeProvider time, ILogger<EmailOutbox> logger) : IOutbox
{
    /// <summary>
    /// The ledger channel of pre-rendered emails (digests, agendas). Item reminders use <c>email</c> and go through
    /// DeliveryDispatcher with <see cref="EmailReminderChannel"/>; a separate name keeps the two owners apart.
    /// </summary>
    public const string Channel = "email-batch";

    /// <summary>After this many transient failures (about two days with the back-off cap) a delivery is given up.</summary>
    public const int MaxAttempts = 50;

    public static readonly TimeSpan MaxBackOff = TimeSpan.FromHours(1);

    /// <returns>true when written now; false when the key was already in the ledger (nothing changes).</returns>
    public async Task<bool> EnqueueAsync(DeliveryRequest request, MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(message);
        if (await ledger.FindAsync(request.Key, ct) is not null) return false;
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes, ct);
        // Bytes first: a ledger row must always find its message.
        await store.SaveAsync(request.Key, message.MessageId ?? "", bytes.ToArray(), ct);
        return await ledger.EnqueueAsync(request with { Channel = Channel }, ct);
    }

    public async Task<int> DispatchDueAsync(CancellationToken ct) => (await DispatchAsync(ct)).Sent;

    /// <summary>Sends every email delivery due now, in batches over one connection each.</summary>
    public async Task<DispatchReport> DispatchAsync(CancellationToken ct, int batchSize = 50)
    {
        int sent = 0, deferred = 0, failed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var pending = (await ledger.PendingAsync(Channel, time.GetUtcNow(), batchSize, ct)).Where(p => seen.Add(p.Key)).ToList();
            if (pending.Count == 0) break;
            var messages = await store.LoadAsync([.. pending.Select(p => p.Key)], ct);
            var batch = new List<OutgoingEmail>();
            foreach (var entry in pending)
            {
                if (messages.TryGetValue(entry.Key, out var stored))
                {
                    using var stream = new MemoryStream(stored.Mime);
                    batch.Add(new OutgoingEmail(entry.Key, await MimeMessage.LoadAsync(stream, ct)));
                }
                else
                {
                    await ledger.MarkFailedAsync(entry.Key, "rendered message missing", permanent: true, null, ct);
                    failed++;
                }
            }
            var attempts = pending.ToDictionary(p => p.Key, p => p.Attempts, StringComparer.Ordinal);
            foreach (var result in await sender.SendBatchAsync(batch, ct))
            {
                switch (result.Outcome)
                {
                    case EmailOutcome.Sent:
                        await ledger.MarkSentAsync(result.DeliveryKey, Truncate(result.Detail), ct);
                        await store.DeleteAsync(result.DeliveryKey, ct);
                        sent++;
                        break;
                    case EmailOutcome.Transient when attempts[result.DeliveryKey] + 1 < MaxAttempts:
                        var retryAt = time.GetUtcNow() + BackOff(attempts[result.DeliveryKey] + 1);
                        await ledger.MarkFailedAsync(result.DeliveryKey, Truncate(result.Detail), permanent: false, retryAt, ct);
                        deferred++;
                        break;
                    default:
                        await ledger.MarkFailedAsync(result.DeliveryKey, Truncate(result.Detail), permanent: true, null, ct);
                        await store.DeleteAsync(result.DeliveryKey, ct);
                        failed++;
                        break;
                }
            }
            if (pending.Count < batchSize) break;
        }
        if (sent + deferred + failed > 0) EmailLog.Dispatched(logger, sent, deferred, failed);
        return new DispatchReport(sent, deferred, failed);
    }

    /// <summary>1, 2, 4 … minutes after the n-th failed attempt, at most an hour.</summary>
    public static TimeSpan BackOff(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 10)), MaxBackOff.TotalMinutes));

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
