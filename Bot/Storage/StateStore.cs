using System.Data.Common;
using System.Globalization;
using Dapper;

namespace NokoBot.Storage;

/// <summary>The key/value <c>state</c> table: small facts that must survive a restart (update offset, sweep mark).</summary>
public sealed class StateStore(Database database, TimeProvider time)
{
    public async Task<string?> GetAsync(string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM state WHERE key = @key", new { key }, cancellationToken: ct));
    }

    public async Task SetAsync(string key, string value, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SetAsync(connection, null, key, value, ct);
    }

    /// <summary>Sets a value inside the caller's transaction, so it commits with the effects it belongs to.</summary>
    public Task SetAsync(DbConnection connection, DbTransaction? tx, string key, string value, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO state (key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, new { key, value, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));

    public static Task DeleteAsync(DbConnection connection, DbTransaction? tx, string key, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM state WHERE key = @key", new { key }, tx, cancellationToken: ct));

    public async Task<DateTimeOffset?> GetInstantAsync(string key, CancellationToken ct) =>
        await GetAsync(key, ct) is { } text ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, CultureInfo.InvariantCulture)) : null;

    public Task SetInstantAsync(string key, DateTimeOffset value, CancellationToken ct) =>
        SetAsync(key, value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ct);
}
