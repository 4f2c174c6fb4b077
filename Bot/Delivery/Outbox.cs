using System.Data.Common;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// The one way anything is queued to be sent: a ledger row per delivery, written once per idempotency key before
/// anything is sent (reminders, the year's-end note, meeting notices, digests, the email channel's letters, the
/// secretary's notices). The dispatcher renders and sends. Letters that answer something a person did are written in
/// the same transaction as what they answer: they go out if, and only if, it is committed.
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
    /// day): the digest list, and the members who confirmed an address in Telegram, less addresses that bounced or
    /// unsubscribed. Nothing when the week has nothing to report.
    /// </summary>
    /// <returns>The keys written now.</returns>
    public async Task<IReadOnlyList<string>> EnqueueDigestAsync(CouncilSnapshot snapshot, DateOnly day, IReadOnlyList<string> addresses, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(addresses);
        var audience = Recipients.DigestAddresses(snapshot, addresses);
        if (audience.Count == 0 || snapshot.Digest(day) is null) return [];
        var written = new List<string>();
        foreach (var address in audience)
        {
            var recipient = Recipients.KeyOfAddress(address);
            var key = DeliveryKey.Create(DeliveryKey.DigestOccurrence(snapshot.Council.Id, day), ReminderKind.Digest, recipient, Channels.Email);
            if (await ledger.EnqueueAsync(new DeliveryRequest(key, snapshot.Council.Id, null, null, ReminderKind.Digest, Channels.Email, recipient, now), ct))
                written.Add(key);
        }
        return written;
    }

    /// <summary>The welcome letter of a member just given an address, inside the caller's transaction.</summary>
    /// <returns>Its ledger key.</returns>
    public async Task<string> EnqueueWelcomeAsync(DbConnection connection, DbTransaction? tx, long councilId, long memberId, DateTimeOffset now, CancellationToken ct)
    {
        var recipient = MemberKey(memberId);
        var key = DeliveryKey.Create(DeliveryKey.WelcomeOccurrence(memberId, now), ReminderKind.Welcome, recipient, Channels.Email);
        await ledger.EnqueueAsync(connection, tx, new DeliveryRequest(key, councilId, null, memberId, ReminderKind.Welcome, Channels.Email, recipient, now), false, ct);
        return key;
    }

    /// <summary>
    /// The code that confirms an address a member gave, to that address (not yet theirs: the row names the address, not
    /// the member), inside the caller's transaction.
    /// </summary>
    public Task<bool> EnqueueAddressCodeAsync(
        DbConnection connection, DbTransaction? tx, long councilId, long memberId, AddressCodePayload payload, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var recipient = Recipients.KeyOfAddress(payload.Address);
        var key = DeliveryKey.Create(DeliveryKey.AddressCodeOccurrence(memberId, now), ReminderKind.AddressCode, recipient, Channels.Email);
        return ledger.EnqueueAsync(connection, tx,
            new DeliveryRequest(key, councilId, null, null, ReminderKind.AddressCode, Channels.Email, recipient, now, MessagePayloads.Write(payload)), false, ct);
    }

    /// <summary>The one answer to a member's letter (recorded as <paramref name="letterId"/>), inside the caller's transaction.</summary>
    public Task<bool> EnqueueAnswerAsync(
        DbConnection connection, DbTransaction? tx, long councilId, long memberId, long letterId, AnswerPayload payload, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var recipient = MemberKey(memberId);
        var key = DeliveryKey.Create(DeliveryKey.AnswerOccurrence(letterId), ReminderKind.Answer, recipient, Channels.Email);
        return ledger.EnqueueAsync(connection, tx,
            new DeliveryRequest(key, councilId, null, memberId, ReminderKind.Answer, Channels.Email, recipient, now, MessagePayloads.Write(payload)), false, ct);
    }

    /// <summary>
    /// Tells the council's secretaries (the chair when there is none) that a member cannot be reached somewhere any
    /// more, each once per <paramref name="what"/> happened (a chat lost, an address bouncing), on the channel that
    /// reaches them; inside the caller's transaction when one is given.
    /// </summary>
    /// <returns>How many notices were written now.</returns>
    public async Task<int> EnqueueNoticeAsync(
        DbConnection? connection, DbTransaction? tx, CouncilSnapshot snapshot, NoticePayload payload, string what, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(payload);
        var written = 0;
        foreach (var secretary in Recipients.NoticeAudience(snapshot, payload.MemberId))
        {
            if (Recipients.ChannelFor(secretary) is not { } channel) continue;
            var recipient = Recipients.KeyOf(secretary);
            var key = DeliveryKey.Create(DeliveryKey.NoticeOccurrence(payload.MemberId, what), ReminderKind.MemberNotice, recipient, channel);
            var request = new DeliveryRequest(key, snapshot.Council.Id, null, secretary.Id, ReminderKind.MemberNotice, channel, recipient, now, MessagePayloads.Write(payload));
            if (connection is null ? await ledger.EnqueueAsync(request, ct) : await ledger.EnqueueAsync(connection, tx, request, false, ct)) written++;
        }
        return written;
    }

    private static string MemberKey(long memberId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"member:{memberId}");
}
