using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NokoBot.Storage;

/// <summary>
/// Opens connections to the one SQLite file with the settings every connection needs
/// (foreign keys, busy timeout; WAL is set once and persists in the file).
/// </summary>
public sealed class SqliteDatabase : Database
{
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 5,
            Pooling = true,
        }.ToString();
    }

    public string FilePath { get; }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string Location => FilePath;

    public override string DataFolder => System.IO.Path.GetDirectoryName(FilePath) ?? ".";

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, string lockName, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await OpenSqliteAsync(ct);

    /// <summary>The connection as SQLite's own type, for what only SQLite has (the online backup).</summary>
    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken ct)
    {
        CreateFileOwnerOnly();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>The database holds members' contacts: create it readable by its owner only.</summary>
    private void CreateFileOwnerOnly()
    {
        if (File.Exists(FilePath)) return;
        var folder = System.IO.Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var _ = new FileStream(FilePath, options);
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            // Another connection created it first.
        }
    }
}
