using Dapper;
using Microsoft.Data.Sqlite;

namespace NokoBot.Storage;

/// <summary>What <c>db check</c> found: SQLite's own verdict and the ledger's consistency.</summary>
public sealed record DatabaseReport(
    string Integrity, long Councils, long Items, long Replies, long Sent, long Pending, long Failed, long Skipped,
    long StalePending, long SentWithoutTime, long OrphanReplies)
{
    public bool Healthy => Integrity == "ok" && SentWithoutTime == 0 && OrphanReplies == 0;
}

/// <summary>Online backup and health checks of the one SQLite file.</summary>
public sealed class DatabaseMaintenance(Database database, TimeProvider time)
{
    /// <summary>A consistent copy while the service runs (SQLite's online backup API), readable by its owner only.</summary>
    public async Task BackupAsync(string destination, CancellationToken ct)
    {
        var full = Path.GetFullPath(destination);
        if (File.Exists(full)) throw new IOException($"{full} already exists.");
        var sqlite = database as SqliteDatabase
            ?? throw new InvalidOperationException("The online backup is SQLite's; PostgreSQL is backed up with pg_dump.");
        await using var source = await sqlite.OpenSqliteAsync(ct);
        // Opening through SqliteDatabase creates the file owner-only before SQLite writes into it.
        await using var target = await new SqliteDatabase(full).OpenSqliteAsync(ct);
        source.BackupDatabase(target);
    }

    public async Task<DatabaseReport> CheckAsync(TimeSpan staleAfter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        async Task<long> Count(string sql, object? args = null) =>
            await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: ct));
        var integrity = string.Join("; ", await connection.QueryAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: ct)));
        var staleBefore = (time.GetUtcNow() - staleAfter).ToUnixTimeMilliseconds();
        return new DatabaseReport(
            integrity,
            await Count("SELECT count(*) FROM councils"),
            await Count("SELECT count(*) FROM plan_items WHERE removed_at IS NULL"),
            await Count("SELECT count(*) FROM replies"),
            await Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"),
            await Count("SELECT count(*) FROM deliveries WHERE status = 'pending'"),
            await Count("SELECT count(*) FROM deliveries WHERE status = 'failed'"),
            await Count("SELECT count(*) FROM deliveries WHERE status = 'skipped'"),
            await Count("SELECT count(*) FROM deliveries WHERE status = 'pending' AND due_at < @staleBefore", new { staleBefore }),
            await Count("SELECT count(*) FROM deliveries WHERE status = 'sent' AND sent_at IS NULL"),
            await Count("SELECT count(*) FROM replies r LEFT JOIN plan_items i ON i.id = r.item_id WHERE i.id IS NULL"));
    }
}
