using System.Data.Common;
using Npgsql;

namespace NokoBot.Storage;

/// <summary>
/// The few SQL phrases that differ between SQLite and PostgreSQL; everything else is written once (ON CONFLICT,
/// RETURNING, LIMIT). Names and keys passed here are the stores' own constants, never input.
/// </summary>
public static class SqlDialect
{
    /// <summary>The provider of an open connection, for code that is handed a connection rather than a database.</summary>
    public static StorageProvider Of(DbConnection connection) =>
        connection is NpgsqlConnection ? StorageProvider.Postgres : StorageProvider.Sqlite;

    /// <summary>
    /// <paramref name="column"/> is one of a list parameter's values: Dapper expands <c>IN @list</c> for SQLite, and
    /// passes the list as one array parameter to Npgsql, which PostgreSQL takes as <c>= ANY(@list)</c>.
    /// </summary>
    public static string In(this StorageProvider provider, string column, string parameter) =>
        provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>The JSON text of a top-level key of a JSON text column (SQL NULL when it is missing).</summary>
    public static string JsonGet(this StorageProvider provider, string column, string key) =>
        provider == StorageProvider.Postgres ? $"({column}::jsonb -> '{key}')::text" : $"json_extract({column}, '$.{key}')";

    /// <summary>The JSON text column with a top-level key set to a parameter's JSON text.</summary>
    public static string JsonSet(this StorageProvider provider, string column, string key, string parameter) =>
        provider == StorageProvider.Postgres
            ? $"jsonb_set({column}::jsonb, '{{{key}}}', @{parameter}::jsonb)::text"
            : $"json_set({column}, '$.{key}', json(@{parameter}))";
}
