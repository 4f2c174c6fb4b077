using System.Data.Common;
using Dapper;

namespace NokoBot.Storage;

/// <summary>Events that relative deadlines hang on («поступление результатов НОКО» on 14.09).</summary>
public sealed class CouncilEventStore(Database database, TimeProvider time)
{
    public Task AddAsync(DbConnection connection, DbTransaction? tx, long councilId, string name, DateOnly occurredOn, long? memberId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO events (council_id, name, occurred_on, member_id, created_at) VALUES (@councilId, @name, @day, @memberId, @now)",
            new { councilId, name, day = DeadlineColumns.Format(occurredOn), memberId, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct));

    /// <summary>The council's events, earliest first.</summary>
    public async Task<IReadOnlyList<CouncilEvent>> ForCouncilAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Name, string OccurredOn)>(new CommandDefinition(
            "SELECT name, occurred_on FROM events WHERE council_id = @councilId ORDER BY occurred_on, id",
            new { councilId }, cancellationToken: ct));
        return [.. rows.Select(r => new CouncilEvent(r.Name, DeadlineColumns.Parse(r.OccurredOn)))];
    }
}
