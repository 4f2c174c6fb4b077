using System.Data.Common;
using Dapper;
using NokoBot.Domain.Reminders;

namespace NokoBot.Storage;

public enum DeliveryStatus { Pending, Sent, Failed, Skipped }

/// <summary>One delivery to write to the ledger before it is sent.</summary>
/// <param name="Payload">What the message needs besides the council's state when it is sent (JSON): an answer's words, a code.</param>
public sealed record DeliveryRequest(
    string Key, long CouncilId, long? ItemId, long? MemberId, ReminderKind Kind, string Channel, string Recipient, DateTimeOffset DueAt,
    string? Payload = null);

/// <summary>A ledger row.</summary>
public sealed record DeliveryEntry(
    long Id, string Key, long CouncilId, long? ItemId, long? MemberId, string Kind, string Channel, string Recipient,
    DateTimeOffset DueAt, DeliveryStatus Status, int Attempts, bool Late, string? LastError, string? ExternalId, DateTimeOffset? SentAt,
    string? Payload = null);

/// <summary>
/// The delivery ledger (DESIGN §2 Delivery): a delivery is written once, keyed by its idempotency key, before it
/// is sent, and marked sent after. Writing the same key again is a no-op, so a restart or a retry never sends twice.
/// </summary>
public sealed class DeliveryLedger(Database database, TimeProvider time)
{
    private const string Columns = """
        id AS Id, key AS Key, council_id AS CouncilId, item_id AS ItemId, member_id AS MemberId, kind AS Kind,
        channel AS Channel, recipient AS Recipient, due_at AS DueAt, status AS Status, attempts AS Attempts, late AS Late,
        last_error AS LastError, external_id AS ExternalId, sent_at AS SentAt, payload AS Payload
        """;

    /// <returns>true when the delivery was written now; false when its key was already in the ledger.</returns>
    public async Task<bool> EnqueueAsync(DeliveryRequest request, CancellationToken ct, bool late = false)
    {
        await using var connection = await database.OpenAsync(ct);
        return await EnqueueAsync(connection, null, request, late, ct);
    }

    /// <summary>Writes a delivery inside the caller's transaction: it is sent only if what it answers is committed.</summary>
    /// <returns>true when the delivery was written now; false when its key was already in the ledger.</returns>
    public async Task<bool> EnqueueAsync(DbConnection connection, DbTransaction? tx, DeliveryRequest request, bool late, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO deliveries (key, council_id, item_id, member_id, kind, channel, recipient, due_at, late, created_at, payload)
            VALUES (@Key, @CouncilId, @ItemId, @MemberId, @Kind, @Channel, @Recipient, @DueAt, @late, @now, @Payload)
            ON CONFLICT (key) DO NOTHING
            """,
            new
            {
                request.Key, request.CouncilId, request.ItemId, request.MemberId, Kind = request.Kind.ToName(), request.Channel,
                request.Recipient, DueAt = request.DueAt.ToUnixTimeMilliseconds(), late = late ? 1 : 0,
                now = time.GetUtcNow().ToUnixTimeMilliseconds(), request.Payload,
            }, tx, cancellationToken: ct));
        return written == 1;
    }

    /// <summary>Pending deliveries due by <paramref name="upTo"/>, oldest first.</summary>
    public async Task<IReadOnlyList<DeliveryEntry>> PendingAsync(DateTimeOffset upTo, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM deliveries WHERE status = 'pending' AND due_at <= @upTo ORDER BY due_at, id LIMIT @limit",
            new { upTo = upTo.ToUnixTimeMilliseconds(), limit }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>
    /// When the earliest pending delivery (e.g. a retry) can be sent, if any is pending: its due time, or the end of
    /// the lease another instance holds on it (it is taken over then if that instance died).
    /// </summary>
    public async Task<DateTimeOffset?> NextPendingDueAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT min(CASE WHEN claimed_until IS NOT NULL AND claimed_until > due_at THEN claimed_until ELSE due_at END)
            FROM deliveries WHERE status = 'pending'
            """, cancellationToken: ct));
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>
    /// Claims for <paramref name="instance"/> every due pending row of up to <paramref name="recipients"/> recipients
    /// (whole messages: all of one recipient's due rows on a channel, earliest recipient first), leased until
    /// <paramref name="until"/>. A row is claimable when unclaimed or its lease ended; a recipient is passed over while
    /// another instance holds any of its rows (a message of it in flight, or the per-chat spacing after one).
    /// One statement, one claim at a time: two claims never take the same row.
    /// </summary>
    /// <param name="keys">Only these keys (the CLI sending what it just enqueued); null: every due row.</param>
    /// <param name="upTo">Rows due by then.</param>
    /// <param name="now">Leases that ended by then are over.</param>
    public async Task<IReadOnlyList<DeliveryEntry>> ClaimAsync(
        string instance, DateTimeOffset upTo, DateTimeOffset now, DateTimeOffset until, int recipients, IReadOnlyCollection<string>? keys,
        CancellationToken ct)
    {
        var onlyKeys = keys is null ? "" : "AND " + database.Provider.In("d.key", "keys");
        await using var connection = await database.OpenAsync(ct);
        // Claims run one at a time (SQLite's one writer; on PostgreSQL an advisory lock held to the commit), so each
        // sees every earlier claim and a recipient's rows are never split between instances.
        await using var tx = await database.BeginWriteAsync(connection, "delivery-claims", ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            UPDATE deliveries SET claimed_by = @instance, claimed_until = @until
            WHERE id IN (
                SELECT d.id FROM deliveries d
                WHERE {Claimable} {onlyKeys}
                  AND (d.channel, d.recipient) IN (
                      SELECT d.channel, d.recipient FROM deliveries d
                      WHERE {Claimable} {onlyKeys}
                        AND NOT EXISTS (
                            SELECT 1 FROM deliveries h
                            WHERE h.recipient = d.recipient AND h.channel = d.channel
                              AND h.claimed_until > @now AND h.claimed_by <> @instance)
                      GROUP BY d.channel, d.recipient
                      ORDER BY min(d.due_at), min(d.id)
                      LIMIT @recipients))
            RETURNING {Columns}
            """,
            new
            {
                instance, upTo = upTo.ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds(), until = until.ToUnixTimeMilliseconds(),
                recipients, keys = keys?.ToArray(),
            },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return [.. rows.Select(r => r.ToEntry()).OrderBy(r => r.DueAt).ThenBy(r => r.Id)];
    }

    /// <summary>Pending, due, and unclaimed or its lease ended (the claim's condition on a row <c>d</c>).</summary>
    private const string Claimable =
        "d.status = 'pending' AND d.due_at <= @upTo AND (d.claimed_until IS NULL OR d.claimed_until <= @now)";

    /// <summary>
    /// Extends this instance's lease on rows it is about to send. Returns the ids still claimed by it and pending:
    /// a row whose lease ran out and was taken over (or was ended) meanwhile is not among them and must not be sent.
    /// </summary>
    public async Task<IReadOnlySet<long>> RenewAsync(string instance, IReadOnlyCollection<long> ids, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            $"""
            UPDATE deliveries SET claimed_until = @until
            WHERE {database.Provider.In("id", "ids")} AND claimed_by = @instance AND status = 'pending'
            RETURNING id
            """, new { instance, ids = ids.ToArray(), until = until.ToUnixTimeMilliseconds() }, cancellationToken: ct))).ToHashSet();
    }

    /// <summary>The instances holding a live claim on a pending row.</summary>
    public async Task<IReadOnlyList<string>> ClaimantsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT claimed_by FROM deliveries WHERE status = 'pending' AND claimed_until > @now",
            new { now = now.ToUnixTimeMilliseconds() }, cancellationToken: ct))];
    }

    /// <summary>
    /// Gives back the pending rows <paramref name="instance"/> claimed and did not send: this instance's at the end of
    /// a pass or at shutdown, or a gone instance's.
    /// </summary>
    public async Task<int> ReleaseAsync(string instance, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = @instance AND status = 'pending'",
            new { instance }, cancellationToken: ct));
    }

    /// <summary>The deliveries a member is replying to, found by the message id the channel returned for them (one message may carry several).</summary>
    public async Task<IReadOnlyList<DeliveryEntry>> FindSentAsync(long memberId, string externalId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM deliveries WHERE member_id = @memberId AND external_id = @externalId AND status = 'sent' ORDER BY id",
            new { memberId, externalId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>
    /// The deliveries sent on a channel as the message with one of these ids, in the order of the ids (a letter's
    /// In-Reply-To first, then its References, newest first); each id's rows together.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryEntry>> FindSentAsync(string channel, IReadOnlyList<string> externalIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        if (externalIds.Count == 0) return [];
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM deliveries WHERE {database.Provider.In("external_id", "externalIds")} AND channel = @channel AND status = 'sent' ORDER BY id",
            new { externalIds = externalIds.ToArray(), channel }, cancellationToken: ct))).Select(r => r.ToEntry()).ToList();
        return [.. externalIds.SelectMany(id => rows.Where(r => r.ExternalId == id))];
    }

    /// <summary>The councils that have a delivery pending (due or not).</summary>
    public async Task<IReadOnlySet<long>> PendingCouncilsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT council_id FROM deliveries WHERE status = 'pending'", cancellationToken: ct))).ToHashSet();
    }

    public async Task<int> CountPendingAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM deliveries WHERE status = 'pending'", cancellationToken: ct));
    }

    public async Task<DeliveryEntry?> FindAsync(string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM deliveries WHERE key = @key", new { key }, cancellationToken: ct));
        return row?.ToEntry();
    }

    /// <summary>
    /// Marks a delivery sent. Only a pending row changes, so a late duplicate confirmation is harmless; with a
    /// <paramref name="claim"/>, only a row still claimed by that instance changes.
    /// </summary>
    /// <returns>false when nothing was written (no longer pending, or the claim was taken over).</returns>
    public async Task<bool> MarkSentAsync(string key, string? externalId, CancellationToken ct, Claim? claim = null)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE deliveries SET status = 'sent', sent_at = @now, external_id = @externalId, attempts = attempts + 1, last_error = NULL
                {Keep(claim)}
            WHERE key = @key AND status = 'pending' {Held(claim)}
            """, new { key, externalId, now = time.GetUtcNow().ToUnixTimeMilliseconds(), instance = claim?.Instance, hold = Hold(claim) },
            cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Records a failed attempt. A permanent failure ends the delivery; a transient one leaves it pending and moves
    /// its due time to <paramref name="retryAt"/>.
    /// </summary>
    /// <returns>false when nothing was written (no longer pending, or the claim was taken over).</returns>
    public async Task<bool> MarkFailedAsync(string key, string error, bool permanent, DateTimeOffset? retryAt, CancellationToken ct, Claim? claim = null)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE deliveries SET attempts = attempts + 1, last_error = @error,
                   status = CASE WHEN @permanent THEN 'failed' ELSE status END,
                   due_at = COALESCE(@retryAt, due_at)
                   {Keep(claim)}
            WHERE key = @key AND status = 'pending' {Held(claim)}
            """,
            new { key, error, permanent, retryAt = retryAt?.ToUnixTimeMilliseconds(), instance = claim?.Instance, hold = Hold(claim) },
            cancellationToken: ct)) == 1;
    }

    /// <summary>Ends a delivery without sending it (e.g. the item was closed meanwhile, or it was folded into a digest).</summary>
    /// <returns>false when nothing was written (no longer pending, or the claim was taken over).</returns>
    public async Task<bool> MarkSkippedAsync(string key, string reason, CancellationToken ct, Claim? claim = null)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE deliveries SET status = 'skipped', last_error = @reason {Keep(claim)} WHERE key = @key AND status = 'pending' {Held(claim)}",
            new { key, reason, instance = claim?.Instance, hold = Hold(claim) }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Who writes an outcome, and until when its lease stays on the row after it (the recipient's spacing: no other
    /// instance claims that recipient before then).
    /// </summary>
    public sealed record Claim(string Instance, DateTimeOffset HoldUntil);

    private static string Keep(Claim? claim) => claim is null ? "" : ", claimed_until = @hold";

    private static string Held(Claim? claim) => claim is null ? "" : "AND claimed_by = @instance";

    private static long? Hold(Claim? claim) => claim?.HoldUntil.ToUnixTimeMilliseconds();

    private sealed class Row
    {
        public long Id { get; set; }
        public string Key { get; set; } = "";
        public long CouncilId { get; set; }
        public long? ItemId { get; set; }
        public long? MemberId { get; set; }
        public string Kind { get; set; } = "";
        public string Channel { get; set; } = "";
        public string Recipient { get; set; } = "";
        public long DueAt { get; set; }
        public string Status { get; set; } = "";
        public long Attempts { get; set; }
        public long Late { get; set; }
        public string? LastError { get; set; }
        public string? ExternalId { get; set; }
        public long? SentAt { get; set; }
        public string? Payload { get; set; }

        public DeliveryEntry ToEntry() => new(
            Id, Key, CouncilId, ItemId, MemberId, Kind, Channel, Recipient, DateTimeOffset.FromUnixTimeMilliseconds(DueAt),
            Enum.Parse<DeliveryStatus>(Status, ignoreCase: true), (int)Attempts, Late != 0, LastError, ExternalId,
            SentAt is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(SentAt.Value), Payload);
    }
}
