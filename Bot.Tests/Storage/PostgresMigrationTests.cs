using Dapper;
using Npgsql;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

/// <summary>PostgreSQL's migrations: the baseline, the lock that lets instances start together, the append-only replies.</summary>
public sealed class PostgresMigrationTests(PostgresServerFixture postgres)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_database_gets_the_baseline_and_running_again_applies_nothing()
    {
        using var db = await TempDatabase.CreatePostgresAsync(postgres, _ct);
        var runner = new MigrationRunner(db.Database, TimeProvider.System);

        var first = await runner.ApplyAsync(_ct);
        var again = await runner.ApplyAsync(_ct);

        Assert.Equal(MigrationRunner.EmbeddedPostgres.Select(m => m.Version), first.Select(m => m.Version));
        Assert.Equal(11, first[0].Version);
        Assert.Empty(again);
        Assert.Equal(runner.LatestVersion, await runner.AppliedVersionAsync(_ct));
    }

    [Fact]
    public async Task Instances_starting_together_migrate_once()
    {
        using var db = await TempDatabase.CreatePostgresAsync(postgres, _ct);
        var instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(db.ConnectionString!, db.Folder)).ToList();
        try
        {
            var applied = await Task.WhenAll(instances.Select(i => new MigrationRunner(i, TimeProvider.System).ApplyAsync(_ct)));

            Assert.Single(applied, a => a.Count > 0);
            Assert.Equal(MigrationRunner.EmbeddedPostgres.Count, applied.Sum(a => a.Count));
            await using var connection = await db.Database.OpenAsync(_ct);
            Assert.Equal(MigrationRunner.EmbeddedPostgres.Count, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM schema_migrations", cancellationToken: _ct)));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [Fact]
    public void Every_sqlite_migration_after_the_baseline_has_a_postgres_twin_applied_after_it()
    {
        var baseline = MigrationRunner.EmbeddedPostgres[0].Version;
        var later = MigrationRunner.Embedded.Where(m => m.Version > baseline).Select(m => m.Version);

        Assert.Equal(later, MigrationRunner.EmbeddedPostgres.Skip(1).Select(m => m.Version));
        Assert.Equal(MigrationRunner.EmbeddedPostgres.Select(m => m.Version).Order(), MigrationRunner.EmbeddedPostgres.Select(m => m.Version));
        Assert.Contains(MigrationRunner.Embedded, m => m.Version == baseline);
    }

    [Fact]
    public async Task Replies_cannot_be_changed_or_deleted()
    {
        using var db = await TempDatabase.CreateMigratedPostgresAsync(postgres, _ct);
        await using var connection = await db.Database.OpenAsync(_ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO councils (id, slug, name, time_zone, created_at) VALUES (1, 'c', 'C', 'Europe/Moscow', 0);
            INSERT INTO plans (id, council_id, year, source_file, source_sha256, imported_at) VALUES (1, 1, 2020, 'p', 'x', 0);
            INSERT INTO plan_items (id, plan_id, number, position, title, result, deadline_text, deadline_kind) VALUES (1, 1, '1', 0, 't', 'r', '', 'unscheduled');
            INSERT INTO replies (item_id, kind, created_at) VALUES (1, 'done', 0);
            """, cancellationToken: _ct));

        foreach (var sql in new[] { "UPDATE replies SET kind = 'postponed'", "DELETE FROM replies" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: _ct)));
            Assert.Contains("replies are append-only", refused.Message, StringComparison.Ordinal);
        }
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM replies WHERE kind = 'done'", cancellationToken: _ct)));
    }
}
