using Dapper;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

/// <summary>
/// SQLite's schema after its migrations and PostgreSQL's after its own are the same tables, columns, nullability and
/// index names, read from each database's catalogue: a migration written for one provider only fails here.
/// </summary>
public sealed class SchemaParityTests(PostgresServerFixture postgres)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_providers_have_the_same_tables_columns_and_indexes()
    {
        using var sqlite = await TempDatabase.CreateMigratedAsync(TimeProvider.System, _ct);
        using var pg = await TempDatabase.CreateMigratedPostgresAsync(postgres, _ct);

        await using var lite = await sqlite.Database.OpenAsync(_ct);
        var liteColumns = await lite.QueryAsync<string>(new CommandDefinition(
            """
            SELECT m.name || '.' || c.name || CASE WHEN c."notnull" = 1 OR c.pk = 1 THEN ' not null' ELSE '' END
            FROM sqlite_master m, pragma_table_info(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """, cancellationToken: _ct));
        var liteIndexes = await lite.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL", cancellationToken: _ct));

        await using var server = await pg.Database.OpenAsync(_ct);
        var pgColumns = await server.QueryAsync<string>(new CommandDefinition(
            """
            SELECT table_name || '.' || column_name || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
            FROM information_schema.columns WHERE table_schema = current_schema()
            """, cancellationToken: _ct));
        // Only the indexes a migration names: PostgreSQL's own for primary keys and UNIQUE end in _pkey/_key.
        var pgIndexes = await server.QueryAsync<string>(new CommandDefinition(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'",
            cancellationToken: _ct));

        Assert.Equal(liteColumns.Order(StringComparer.Ordinal), pgColumns.Order(StringComparer.Ordinal));
        Assert.Equal(liteIndexes.Order(StringComparer.Ordinal), pgIndexes.Order(StringComparer.Ordinal));
    }
}
