using Microsoft.Data.Sqlite;
using Npgsql;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;

namespace NokoBot.Tests.Support;

/// <summary>
/// A real database for one test, deleted afterwards: a SQLite file in a fresh temp folder, or a database of its own on
/// the run's PostgreSQL server (the folder then holds what lives beside the database: protocol copies).
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    /// <summary>An empty SQLite file.</summary>
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("nokobot-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "nokobot.db");
        Database = new SqliteDatabase(Path);
    }

    private TempDatabase(string connectionString)
    {
        Folder = Directory.CreateTempSubdirectory("nokobot-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "nokobot.db");
        ConnectionString = connectionString;
        Database = new PostgresDatabase(connectionString, Folder);
    }

    public string Folder { get; }

    /// <summary>The SQLite file (on PostgreSQL: the Storage:Path whose folder keeps the protocol copies).</summary>
    public string Path { get; }

    /// <summary>PostgreSQL's connection string; null for SQLite.</summary>
    public string? ConnectionString { get; }

    public Database Database { get; }

    public StorageProvider Provider => Database.Provider;

    /// <summary>The Storage settings that point a composition root at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["Storage:Path"] = Path,
        ["Storage:ConnectionString"] = ConnectionString,
    };

    public static async Task<TempDatabase> CreateMigratedAsync(TimeProvider time, CancellationToken ct)
    {
        var db = new TempDatabase();
        await new MigrationRunner(db.Database, time).ApplyAsync(ct);
        return db;
    }

    /// <summary>An empty database of its own on the run's PostgreSQL server.</summary>
    public static async Task<TempDatabase> CreatePostgresAsync(PostgresServerFixture postgres, CancellationToken ct) =>
        new(await postgres.CreateDatabaseAsync(ct));

    /// <summary>A migrated database on the run's PostgreSQL server: a copy of one migrated once per run.</summary>
    public static async Task<TempDatabase> CreateMigratedPostgresAsync(PostgresServerFixture postgres, CancellationToken ct) =>
        new(await postgres.CreateDatabaseAsync(ct, await TemplateAsync(postgres, ct)));

    private static async Task<string> TemplateAsync(PostgresServerFixture postgres, CancellationToken ct)
    {
        await TemplateGate.WaitAsync(ct);
        try
        {
            if (_template is not null) return _template;
            var connectionString = await postgres.CreateDatabaseAsync(ct);
            await using (var database = new PostgresDatabase(connectionString, System.IO.Path.GetTempPath()))
                await new MigrationRunner(database, TimeProvider.System).ApplyAsync(ct);
            // A template is copied only while nobody is connected to it.
            using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
            return _template = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    public void Dispose()
    {
        if (Database is PostgresDatabase postgres) postgres.Dispose();
        else SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
