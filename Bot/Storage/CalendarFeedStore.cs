using Dapper;

namespace NokoBot.Storage;

/// <summary>A calendar feed: the council's (<see cref="MemberId"/> null) or one member's.</summary>
public sealed record CalendarFeed(string Token, long CouncilId, long? MemberId);

/// <summary>
/// The secret URLs of calendar feeds (one live feed per council and per member; a new one revokes the old), and the
/// SEQUENCE of each feed event, raised whenever its dates change.
/// </summary>
public sealed class CalendarFeedStore(Database database, TimeProvider time)
{
    /// <returns>The live feed's token, created when there is none.</returns>
    public async Task<string> GetOrCreateAsync(long councilId, long? memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var token = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT token FROM calendar_feeds WHERE council_id = @councilId AND COALESCE(member_id, 0) = COALESCE(@memberId, 0) AND revoked_at IS NULL",
            new { councilId, memberId }, tx, cancellationToken: ct));
        token ??= await InsertAsync(connection, tx, councilId, memberId, ct);
        await tx.CommitAsync(ct);
        return token;
    }

    /// <returns>The live feed's token; null when there is none (never made, or switched off).</returns>
    public async Task<string?> LiveAsync(long councilId, long? memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT token FROM calendar_feeds WHERE council_id = @councilId AND COALESCE(member_id, 0) = COALESCE(@memberId, 0) AND revoked_at IS NULL",
            new { councilId, memberId }, cancellationToken: ct));
    }

    /// <summary>Revokes the live feed and makes a new one: the old URL stops working.</summary>
    public async Task<string> RenewAsync(long councilId, long? memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RevokeAsync(connection, tx, councilId, memberId, ct);
        var token = await InsertAsync(connection, tx, councilId, memberId, ct);
        await tx.CommitAsync(ct);
        return token;
    }

    /// <summary>Turns the live feed off; <see cref="GetOrCreateAsync"/> makes a new one when asked.</summary>
    public async Task RevokeAsync(long councilId, long? memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await RevokeAsync(connection, null, councilId, memberId, ct);
    }

    /// <returns>The live feed with this token; null when unknown or revoked.</returns>
    public async Task<CalendarFeed?> FindAsync(string token, CancellationToken ct)
    {
        if (!Secrets.LooksLikeOne(token)) return null;
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT token AS Token, council_id AS CouncilId, member_id AS MemberId FROM calendar_feeds WHERE token = @token AND revoked_at IS NULL",
            new { token }, cancellationToken: ct));
        return row is null ? null : new CalendarFeed(row.Token, row.CouncilId, row.MemberId);
    }

    /// <summary>
    /// Each event's SEQUENCE for what it says now (<paramref name="fingerprints"/>: uid → its dates): 0 when first
    /// seen, one more each time its fingerprint changed since the last feed.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> SequencesAsync(long councilId, IReadOnlyDictionary<string, string> fingerprints, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        // Written at once: two feeds read at the same moment raise a SEQUENCE once.
        await using var tx = await database.BeginWriteAsync(connection, $"calendar:{councilId}", ct);
        var known = (await connection.QueryAsync<VersionRow>(new CommandDefinition(
            "SELECT uid AS Uid, fingerprint AS Fingerprint, sequence AS Sequence FROM calendar_event_versions WHERE council_id = @councilId",
            new { councilId }, tx, cancellationToken: ct))).ToDictionary(v => v.Uid, StringComparer.Ordinal);
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (uid, fingerprint) in fingerprints)
        {
            if (known.TryGetValue(uid, out var was) && was.Fingerprint == fingerprint)
            {
                sequences[uid] = (int)was.Sequence;
                continue;
            }
            var sequence = was is null ? 0 : (int)was.Sequence + 1;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO calendar_event_versions (uid, council_id, fingerprint, sequence, updated_at) VALUES (@uid, @councilId, @fingerprint, @sequence, @now)
                ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence, updated_at = excluded.updated_at
                """, new { uid, councilId, fingerprint, sequence, now }, tx, cancellationToken: ct));
            sequences[uid] = sequence;
        }
        await tx.CommitAsync(ct);
        return sequences;
    }

    private async Task<string> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, long councilId, long? memberId, CancellationToken ct)
    {
        var token = Secrets.New();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO calendar_feeds (token, council_id, member_id, created_at) VALUES (@token, @councilId, @memberId, @now)",
            new { token, councilId, memberId, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
        return token;
    }

    private Task<int> RevokeAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, long councilId, long? memberId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE calendar_feeds SET revoked_at = @now WHERE council_id = @councilId AND COALESCE(member_id, 0) = COALESCE(@memberId, 0) AND revoked_at IS NULL",
            new { councilId, memberId, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));

    private sealed class Row
    {
        public string Token { get; set; } = "";
        public long CouncilId { get; set; }
        public long? MemberId { get; set; }
    }

    private sealed class VersionRow
    {
        public string Uid { get; set; } = "";
        public string Fingerprint { get; set; } = "";
        public long Sequence { get; set; }
    }
}
