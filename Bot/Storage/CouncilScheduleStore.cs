using System.Globalization;
using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>A council with the instant its trigger is set for (null: the service has not scheduled it yet).</summary>
public sealed record ScheduledCouncil(CouncilSchedule Schedule, DateTimeOffset? NextAt);

/// <summary>
/// The <c>council_schedule</c> table: per council, the instant up to which its due deliveries are in the ledger and the
/// instant it is next planned. What start-up needs to set every trigger comes from here in one query, with no plan read.
/// </summary>
public sealed class CouncilScheduleStore(Database database, StateStore state, TimeProvider time)
{
    /// <summary>
    /// The instant planning of <paramref name="councilId"/> resumes from: its own mark; for a council never planned,
    /// the mark councils not yet seen start from (<see cref="StateKeys.SweptUntil"/>: the last start or check of the
    /// service, or the single sweep before this table existed); on the very first start, now: a fresh install must not
    /// replay the year's past reminders.
    /// </summary>
    public async Task<DateTimeOffset> SweptUntilAsync(long councilId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var own = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT swept_until FROM council_schedule WHERE council_id = @councilId", new { councilId }, cancellationToken: ct));
        if (own is { } ms) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return await state.GetInstantAsync(StateKeys.SweptUntil, ct) ?? now;
    }

    /// <summary>Whether the service has adopted the council (it has a schedule row).</summary>
    public async Task<bool> IsScheduledAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM council_schedule WHERE council_id = @councilId", new { councilId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Records that the council's due deliveries up to <paramref name="sweptUntil"/> are in the ledger and when it is next planned.</summary>
    public async Task SaveAsync(long councilId, DateTimeOffset sweptUntil, DateTimeOffset nextAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO council_schedule (council_id, swept_until, next_at)
            SELECT @councilId, @sweptUntil, @nextAt WHERE EXISTS (SELECT 1 FROM councils WHERE id = @councilId)
            ON CONFLICT (council_id) DO UPDATE SET swept_until = excluded.swept_until, next_at = excluded.next_at
            """,
            new { councilId, sweptUntil = sweptUntil.ToUnixTimeMilliseconds(), nextAt = nextAt.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    /// <summary>
    /// Every council with its settings and the instant its trigger was set for, in one query (settings are JSON in the
    /// councils row: no plan, reply or member is read).
    /// </summary>
    public async Task<IReadOnlyList<ScheduledCouncil>> ListAsync(CancellationToken ct) => await QueryAsync(null, ct);

    /// <summary>
    /// The councils that have no schedule yet (added since the last look, or every council on the first start after
    /// the upgrade). They count as swept up to <see cref="StateKeys.SweptUntil"/> (now on a first start), which then
    /// moves to now: a council added later starts from the look before it was seen, not from a year ago.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledCouncil>> AdoptNewAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var mark = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM state WHERE key = @key", new { key = StateKeys.SweptUntil }, tx, cancellationToken: ct));
        var since = mark is null ? now.ToUnixTimeMilliseconds() : long.Parse(mark, CultureInfo.InvariantCulture);
        var adopted = (await connection.QueryAsync<long>(new CommandDefinition(
            """
            INSERT INTO council_schedule (council_id, swept_until, next_at)
            SELECT id, @since, @now FROM councils WHERE id NOT IN (SELECT council_id FROM council_schedule)
            RETURNING council_id
            """, new { since, now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: ct))).ToHashSet();
        await state.SetAsync(connection, tx, StateKeys.SweptUntil, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ct);
        await tx.CommitAsync(ct);
        return adopted.Count == 0 ? [] : [.. (await QueryAsync(null, ct)).Where(c => adopted.Contains(c.Schedule.Council.Id))];
    }

    /// <summary>The earliest instant any council is next planned (the health line).</summary>
    public async Task<DateTimeOffset?> EarliestNextAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var ms = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT min(next_at) FROM council_schedule", cancellationToken: ct));
        return ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
    }

    private async Task<IReadOnlyList<ScheduledCouncil>> QueryAsync(long? councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT c.id AS Id, c.slug AS Slug, c.name AS Name, c.time_zone AS TimeZone, c.settings AS Settings, s.next_at AS NextAt
            FROM councils c LEFT JOIN council_schedule s ON s.council_id = c.id
            WHERE @councilId IS NULL OR c.id = @councilId ORDER BY c.id
            """, new { councilId }, cancellationToken: ct));
        return [.. rows.Select(r => new ScheduledCouncil(
            new CouncilSchedule(new Council(r.Id, r.Slug, r.Name, r.TimeZone), CouncilSnapshotStore.ParseSettings(r.Settings),
                TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone)),
            r.NextAt is { } next ? DateTimeOffset.FromUnixTimeMilliseconds(next) : null))];
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Slug { get; set; } = "";
        public string Name { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public string? Settings { get; set; }
        public long? NextAt { get; set; }
    }
}
