using System.Data.Common;
using Dapper;

namespace NokoBot.Storage;

/// <summary>
/// The <c>telegram_updates</c> table: which webhook updates were taken, so a repeated delivery of one changes nothing.
/// The polling receiver needs none of it (its offset does the same job).
/// </summary>
public sealed class TelegramUpdateLog(Database database, TimeProvider time)
{
    /// <summary>Long past Telegram's own 24 hours of retrying an update.</summary>
    public static TimeSpan Kept { get; } = TimeSpan.FromDays(7);

    public async Task<bool> SeenAsync(long updateId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM telegram_updates WHERE update_id = @updateId", new { updateId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Records the update in the caller's transaction (prunes old rows on the way).</summary>
    /// <returns>false when it was already recorded: the caller rolls its effects back.</returns>
    public async Task<bool> RecordAsync(DbConnection connection, DbTransaction? tx, long updateId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM telegram_updates WHERE handled_at < @before", new { before = (now - Kept).ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO telegram_updates (update_id, handled_at) VALUES (@updateId, @now) ON CONFLICT (update_id) DO NOTHING",
            new { updateId, now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: ct)) == 1;
    }
}
