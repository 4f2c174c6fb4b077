using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NokoBot.Storage;

/// <summary>The database errors the stores act on, the same on both providers.</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>A unique index or primary key refused the row: SQLite's extended codes 2067/1555, PostgreSQL's 23505.</summary>
    public static bool IsUniqueViolation(this DbException e) => e switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
