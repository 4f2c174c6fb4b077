using Dapper;
using Microsoft.Data.Sqlite;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

public sealed class MigrationRunnerTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_file_gets_every_table_and_the_migrations_are_recorded()
    {
        using var db = new TempDatabase();
        var applied = await new MigrationRunner(db.Database, TimeProvider.System).ApplyAsync(_ct);

        Assert.Equal(MigrationRunner.Embedded.Select(m => m.Version), applied.Select(m => m.Version));
        await using var connection = await db.Database.OpenAsync(_ct);
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'table'", cancellationToken: _ct))).ToHashSet();
        foreach (var table in new[] { "councils", "parties", "members", "member_parties", "plans", "plan_items",
                     "item_parties", "replies", "events", "invites", "deliveries", "state", "schema_migrations" })
            Assert.Contains(table, tables);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode", cancellationToken: _ct)));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA foreign_keys", cancellationToken: _ct)));
    }

    [Fact]
    public async Task A_due_day_stored_before_009_keeps_falling_in_the_month_after_its_period()
    {
        using var db = new TempDatabase();
        await using (var connection = await db.Database.OpenAsync(_ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)", cancellationToken: _ct));
            foreach (var migration in MigrationRunner.Embedded.Where(m => m.Version < 9))
                await connection.ExecuteAsync(new CommandDefinition(
                    migration.Sql + "; INSERT INTO schema_migrations VALUES (@Version, @Name, 0)", new { migration.Version, migration.Name }, cancellationToken: _ct));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO councils (id, slug, name, time_zone, created_at) VALUES (1, 'c', 'C', 'Europe/Moscow', 0);
                INSERT INTO plans (id, council_id, year, source_file, source_sha256, imported_at) VALUES (1, 1, 2020, 'p', 'x', 0);
                INSERT INTO plan_items (id, plan_id, number, position, title, result, deadline_text, deadline_kind, deadline_every, deadline_due_day)
                VALUES (1, 1, '1', 0, 't', 'r', 'ежеквартально до 5 числа', 'recurring', 'quarter', 5),
                       (2, 1, '2', 1, 't', 'r', 'ежеквартально', 'recurring', 'quarter', NULL);
                """, cancellationToken: _ct));
        }

        var applied = await new MigrationRunner(db.Database, TimeProvider.System).ApplyAsync(_ct);

        Assert.Contains(applied, m => m.Version == 9);
        await using var read = await db.Database.OpenAsync(_ct);
        Assert.Equal([1L, 0L], await read.QueryAsync<long>(new CommandDefinition("SELECT deadline_following FROM plan_items ORDER BY id", cancellationToken: _ct)));
    }

    [Fact]
    public async Task Running_the_migrations_again_applies_nothing()
    {
        using var db = new TempDatabase();
        var runner = new MigrationRunner(db.Database, TimeProvider.System);
        await runner.ApplyAsync(_ct);

        Assert.Empty(await runner.ApplyAsync(_ct));
    }

    [Fact]
    public async Task The_database_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("Unix permissions");
        using var db = await TempDatabase.CreateMigratedAsync(TimeProvider.System, _ct);

        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(db.Path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Fact]
    public async Task Replies_cannot_be_changed_or_deleted()
    {
        using var db = await TempDatabase.CreateMigratedAsync(TimeProvider.System, _ct);
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
            var refused = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: _ct)));
            Assert.Contains("replies are append-only", refused.Message, StringComparison.Ordinal); // the trigger's RAISE(ABORT, …)
        }
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM replies WHERE kind = 'done'", cancellationToken: _ct)));
    }
}
