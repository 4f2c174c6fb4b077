using Dapper;

namespace NokoBot.Storage;

/// <summary>
/// The instances of the service that are sending, one heartbeat row each: how many are live decides each one's share
/// of Telegram's global budget.
/// </summary>
public sealed class DispatcherInstances(Database database)
{
    /// <summary>Records that <paramref name="instance"/> is sending now.</summary>
    /// <returns>How many instances (this one included) were seen since <paramref name="liveSince"/>.</returns>
    public async Task<int> BeatAsync(string instance, DateTimeOffset now, DateTimeOffset liveSince, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO dispatcher_instances (instance, seen_at) VALUES (@instance, @now)
            ON CONFLICT (instance) DO UPDATE SET seen_at = excluded.seen_at
            """, new { instance, now = now.ToUnixTimeMilliseconds() }, cancellationToken: ct));
        // Each restart brings a new id: the old ones are forgotten after a day.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM dispatcher_instances WHERE seen_at < @old",
            new { old = (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM dispatcher_instances WHERE seen_at >= @since",
            new { since = liveSince.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }
}
