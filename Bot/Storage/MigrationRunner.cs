using System.Data.Common;
using Dapper;

namespace NokoBot.Storage;

/// <summary>
/// Applies the provider's embedded, numbered migrations in order: SQLite's <c>Migrations/NNN_name.sql</c>, each in its
/// own transaction; PostgreSQL's <c>Migrations/Postgres/NNN_name.sql</c> (a baseline, then the same numbers as
/// SQLite's), all in one transaction under an advisory lock, so instances starting together migrate once.
/// </summary>
public sealed class MigrationRunner(Database database, TimeProvider time)
{
    private const string SqlitePrefix = "NokoBot.Storage.Migrations.";
    private const string PostgresPrefix = "NokoBot.Storage.Migrations.Postgres.";
    private const string LockName = "nokobot:migrations";

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>SQLite's migrations.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load(SqlitePrefix);

    public static IReadOnlyList<Migration> EmbeddedPostgres { get; } = Load(PostgresPrefix);

    public static IReadOnlyList<Migration> For(StorageProvider provider) =>
        provider == StorageProvider.Postgres ? EmbeddedPostgres : Embedded;

    /// <summary>The version a current schema has on this database's provider.</summary>
    public int LatestVersion => For(database.Provider)[^1].Version;

    /// <returns>The migrations applied now (empty when the schema was current).</returns>
    public async Task<IReadOnlyList<Migration>> ApplyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        if (database.Provider == StorageProvider.Postgres) return await ApplyLockedAsync(connection, ct);

        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
            cancellationToken: ct));
        var applied = await AppliedAsync(connection, null, ct);
        var done = new List<Migration>();
        foreach (var migration in Embedded.Where(m => !applied.Contains(m.Version)))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ApplyAsync(connection, tx, migration, ct);
            await tx.CommitAsync(ct);
            done.Add(migration);
        }
        return done;
    }

    /// <summary>The newest version applied, or null when the database has no schema yet.</summary>
    public async Task<long?> AppliedVersionAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var exists = database.Provider == StorageProvider.Postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(exists, cancellationToken: ct)) == 0) return null;
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT max(version) FROM schema_migrations", cancellationToken: ct));
    }

    /// <summary>DDL is transactional on PostgreSQL: the lock, the check and every migration commit or roll back together.</summary>
    private async Task<IReadOnlyList<Migration>> ApplyLockedAsync(DbConnection connection, CancellationToken ct)
    {
        await using var tx = await database.BeginWriteAsync(connection, LockName, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)",
            transaction: tx, cancellationToken: ct));
        var applied = await AppliedAsync(connection, tx, ct);
        var done = new List<Migration>();
        foreach (var migration in EmbeddedPostgres.Where(m => !applied.Contains(m.Version)))
        {
            await ApplyAsync(connection, tx, migration, ct);
            done.Add(migration);
        }
        await tx.CommitAsync(ct);
        return done;
    }

    private static async Task<HashSet<long>> AppliedAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        (await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_migrations", transaction: tx, cancellationToken: ct))).ToHashSet();

    private async Task ApplyAsync(DbConnection connection, DbTransaction tx, Migration migration, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
            new { Version = (long)migration.Version, migration.Name, At = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
    }

    /// <summary>The resources directly under <paramref name="prefix"/> (SQLite's folder does not take Postgres/'s files).</summary>
    private static List<Migration> Load(string prefix)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..^".sql".Length];
            if (fileName.Contains('.', StringComparison.Ordinal) || fileName.Length == 0 || !char.IsAsciiDigit(fileName[0])) continue;
            var version = int.Parse(fileName.AsSpan(0, fileName.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            list.Add(new Migration(version, fileName, reader.ReadToEnd()));
        }
        return [.. list.OrderBy(m => m.Version)];
    }
}
