using Dapper;

namespace NokoBot.Storage;

/// <summary>
/// What <c>db check</c> found: SQLite's own verdict (on PostgreSQL, which checks its pages itself, "ok" once connected),
/// the schema's version against this build's, and the ledger's consistency.
/// </summary>
public sealed record DatabaseReport(
    string Integrity, long Councils, long Items, long Replies, long Sent, long Pending, long Failed, long Skipped,
    long StalePending, long SentWithoutTime, long OrphanReplies)
{
    public long? SchemaVersion { get; init; }
    public int LatestVersion { get; init; }

    public bool Healthy => Integrity == "ok" && SchemaVersion == LatestVersion && SentWithoutTime == 0 && OrphanReplies == 0;
}

/// <summary>Online backup of the SQLite file (PostgreSQL's is pg_dump's: its command line), and health checks of either.</summary>
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
        var integrity = database.Provider == StorageProvider.Postgres ? "ok"
            : string.Join("; ", await connection.QueryAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: ct)));
        var migrations = new MigrationRunner(database, time);
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
            await Count("SELECT count(*) FROM replies r LEFT JOIN plan_items i ON i.id = r.item_id WHERE i.id IS NULL"))
        {
            SchemaVersion = await migrations.AppliedVersionAsync(ct),
            LatestVersion = migrations.LatestVersion,
        };
    }

    /// <summary>
    /// The pg_dump command line that backs up the PostgreSQL database into <paramref name="destination"/> (custom
    /// format, for pg_restore), without the password: pg_dump asks for it or reads PGPASSWORD or ~/.pgpass.
    /// </summary>
    public static string PgDumpCommand(PostgresDatabase postgres, string destination)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var args = new List<string> { "pg_dump", $"--host={postgres.Host}", $"--port={postgres.Port}" };
        if (postgres.User is { } user) args.Add($"--username={user}");
        args.AddRange(["--format=custom", $"--file={Path.GetFullPath(destination)}", postgres.Name]);
        return string.Join(' ', args.Select(ShellQuote));
    }

    private static string ShellQuote(string arg) =>
        arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=' or '.' or '/' or ':' or ',')
            ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
