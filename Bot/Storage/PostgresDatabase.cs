using System.Data.Common;
using Dapper;
using Npgsql;

namespace NokoBot.Storage;

/// <summary>
/// A PostgreSQL database several instances may share, over one pooled <see cref="NpgsqlDataSource"/> built once.
/// </summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _source;

    /// <param name="dataFolder">Where protocol copies are kept (the folder of Storage:Path).</param>
    public PostgresDatabase(string connectionString, string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _source = NpgsqlDataSource.Create(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Host = builder.Host ?? "localhost";
        Port = builder.Port;
        User = builder.Username;
        Name = builder.Database ?? builder.Username ?? "postgres";
        DataFolder = Path.GetFullPath(dataFolder);
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    /// <summary>The server, port, user and database: what connection strings say besides the secret.</summary>
    public string Host { get; }
    public int Port { get; }
    public string? User { get; }
    public string Name { get; }

    public override string Location => $"PostgreSQL {Host}:{Port}/{Name}";

    public override string DataFolder { get; }

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, string lockName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext(@lockName))", new { lockName }, tx, cancellationToken: ct));
        return tx;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public void Dispose() => _source.Dispose();
}
