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

    /// <summary>When the earliest pending delivery (e.g. a retry) falls due, if any is pending.</summary>
    public async Task<DateTimeOffset?> NextPendingDueAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT min(due_at) FROM deliveries WHERE status = 'pending'", cancellationToken: ct));
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
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

    /// <summary>Marks a delivery sent. Only a pending row changes, so a late duplicate confirmation is harmless.</summary>
    public async Task MarkSentAsync(string key, string? externalId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET status = 'sent', sent_at = @now, external_id = @externalId, attempts = attempts + 1, last_error = NULL
            WHERE key = @key AND status = 'pending'
            """, new { key, externalId, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    /// <summary>
    /// Records a failed attempt. A permanent failure ends the delivery; a transient one leaves it pending and moves
    /// its due time to <paramref name="retryAt"/>.
    /// </summary>
    public async Task MarkFailedAsync(string key, string error, bool permanent, DateTimeOffset? retryAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE deliveries SET attempts = attempts + 1, last_error = @error,
                   status = CASE WHEN @permanent THEN 'failed' ELSE status END,
                   due_at = COALESCE(@retryAt, due_at)
            WHERE key = @key AND status = 'pending'
            """,
            new { key, error, permanent, retryAt = retryAt?.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    /// <summary>Ends a delivery without sending it (e.g. the item was closed meanwhile, or it was folded into a digest).</summary>
    public async Task MarkSkippedAsync(string key, string reason, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deliveries SET status = 'skipped', last_error = @reason WHERE key = @key AND status = 'pending'",
            new { key, reason }, cancellationToken: ct));
    }

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
