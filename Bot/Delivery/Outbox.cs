using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// The one way anything is queued to be sent: a ledger row per delivery, written once per idempotency key before
/// anything is sent (reminders, the year's-end note, meeting notices, digests). The dispatcher renders and sends.
/// </summary>
public sealed class Outbox(DeliveryLedger ledger)
{
    /// <summary>A delivery sent this long after its planned instant is marked late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Writes the deliveries that fell due. Those missed for longer than the council's catch-up grace are recorded as
    /// skipped: the digest reports their items instead of flooding people with stale notices.
    /// </summary>
    /// <returns>How many were written now (a key already in the ledger is not written again).</returns>
    public async Task<int> EnqueueAsync(IEnumerable<PlannedDelivery> due, DateTimeOffset now, TimeSpan grace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(due);
        var written = 0;
        foreach (var delivery in due)
        {
            var lateness = now - delivery.At;
            if (!await ledger.EnqueueAsync(delivery.Request, ct, late: lateness > LateAfter)) continue;
            written++;
            if (lateness > grace) await ledger.MarkSkippedAsync(delivery.Request.Key, SkipReasons.MissedWhileDown, ct);
        }
        return written;
    }

    /// <summary>
    /// The council's digest for the council-local <paramref name="day"/>, one delivery per address (once per address and
    /// day). Nothing when the week has nothing to report.
    /// </summary>
    /// <returns>The keys written now.</returns>
    public async Task<IReadOnlyList<string>> EnqueueDigestAsync(CouncilSnapshot snapshot, DateOnly day, IReadOnlyList<string> addresses, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0 || snapshot.Digest(day) is null) return [];
        var written = new List<string>();
        foreach (var address in addresses)
        {
            var recipient = Recipients.KeyOfAddress(address);
            var key = DeliveryKey.Create(DeliveryKey.DigestOccurrence(snapshot.Council.Id, day), ReminderKind.Digest, recipient, Channels.Email);
            if (await ledger.EnqueueAsync(new DeliveryRequest(key, snapshot.Council.Id, null, null, ReminderKind.Digest, Channels.Email, recipient, now), ct))
                written.Add(key);
        }
        return written;
    }
}
