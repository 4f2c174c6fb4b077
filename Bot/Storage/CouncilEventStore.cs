using Dapper;

namespace NokoBot.Storage;

/// <summary>Events that relative deadlines hang on («поступление результатов НОКО» on 14.09).</summary>
public sealed class CouncilEventStore(SqliteDatabase database, TimeProvider time)
{
    public async Task AddAsync(long councilId, string name, DateOnly occurredOn, long? memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await AddAsync(connection, null, councilId, name, occurredOn, memberId, ct);
    }

    public Task AddAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx,
        long councilId, string name, DateOnly occurredOn, long? memberId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO events (council_id, name, occurred_on, member_id, created_at) VALUES (@councilId, @name, @day, @memberId, @now)",
            new { councilId, name, day = DeadlineColumns.Format(occurredOn), memberId, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct));
}
