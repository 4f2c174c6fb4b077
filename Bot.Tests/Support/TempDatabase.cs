using Microsoft.Data.Sqlite;
using NokoBot.Storage;

namespace NokoBot.Tests.Support;

/// <summary>A real SQLite file in a fresh temp folder, migrated, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("nokobot-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "nokobot.db");
        Database = new SqliteDatabase(Path);
    }

    public string Folder { get; }
    public string Path { get; }
    public SqliteDatabase Database { get; }

    public static async Task<TempDatabase> CreateMigratedAsync(TimeProvider time, CancellationToken ct)
    {
        var db = new TempDatabase();
        await new MigrationRunner(db.Database, time).ApplyAsync(ct);
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
