using System.Data.Common;

namespace NokoBot.Storage;

/// <summary>
/// Where the stores' connections come from: the one SQLite file, or a PostgreSQL database. The stores write one SQL
/// text where it is portable and ask <see cref="SqlDialect"/> for the few phrases that differ.
/// </summary>
public abstract class Database
{
    public abstract StorageProvider Provider { get; }

    /// <summary>What the operator is told the database is: the file, or server and database (never a password).</summary>
    public abstract string Location { get; }

    /// <summary>The folder protocol copies are kept under.</summary>
    public abstract string DataFolder { get; }

    /// <summary>An open connection with the settings every connection needs; the caller disposes it.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// A transaction that holds the write lock named <paramref name="lockName"/> from its start to its end, so two
    /// read-then-write transactions under one name run one after the other: SQLite's BEGIN IMMEDIATE (one writer for
    /// the whole file), PostgreSQL's transaction-scoped advisory lock on the name's hash.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, string lockName, CancellationToken ct);
}
