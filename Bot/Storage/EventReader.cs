using Dapper;
using NokoBot.Domain.Digest;

namespace NokoBot.Storage;

/// <summary>Reads the events a council recorded (they date relative deadlines).</summary>
public sealed class EventReader(SqliteDatabase database)
{
    public async Task<IReadOnlyList<RecordedEvent>> ForCouncilAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Name, string OccurredOn)>(new CommandDefinition(
            "SELECT name, occurred_on FROM events WHERE council_id = @councilId ORDER BY occurred_on, id",
            new { councilId }, cancellationToken: ct));
        return [.. rows.Select(r => new RecordedEvent(r.Name, DeadlineColumns.Parse(r.OccurredOn)))];
    }
}
