using Dapper;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

public sealed class DbCommandsTests
{
    [Fact]
    public async Task A_backup_is_a_complete_owner_only_copy_that_checks_healthy()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Совет", "--slug", "desnogorsk", "--tz", "Europe/Moscow", "--db", db.Path);
        await CliRunner.RunAsync("plan", "import", RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), "--council", "desnogorsk", "--year", "2020", "--db", db.Path);
        var copy = Path.Combine(db.Folder, "backup.db");

        var backup = await CliRunner.RunAsync("db", "backup", copy, "--db", db.Path);
        var check = await CliRunner.RunAsync("db", "check", "--db", copy);
        var again = await CliRunner.RunAsync("db", "backup", copy, "--db", db.Path);

        Assert.Equal((0, 0, 1), (backup.ExitCode, check.ExitCode, again.ExitCode));
        Assert.Contains("пунктов: 16", check.Out, StringComparison.Ordinal);
        Assert.Contains("База в порядке", check.Out, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));
    }

    [Fact]
    public async Task Check_reports_an_inconsistent_ledger_and_exits_1()
    {
        using var db = await TempDatabase.CreateMigratedAsync(TimeProvider.System, TestContext.Current.CancellationToken);
        await using (var connection = await db.Database.OpenAsync(TestContext.Current.CancellationToken))
            await connection.ExecuteAsync("""
                INSERT INTO councils (id, slug, name, time_zone, created_at) VALUES (1, 'c', 'C', 'Europe/Moscow', 0);
                INSERT INTO deliveries (key, council_id, kind, channel, recipient, due_at, status, created_at) VALUES ('k', 1, 'before', 'telegram', 'member:1', 0, 'sent', 0);
                """);

        var check = await CliRunner.RunAsync("db", "check", "--db", db.Path);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("без времени — 1", check.Out, StringComparison.Ordinal);
    }
}

/// <summary>On PostgreSQL <c>db backup</c> hands over to pg_dump, and <c>db check</c> checks what it can.</summary>
public sealed class DbCommandsOnPostgresTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Backup_shows_the_pg_dump_command_without_the_password_and_exits_1()
    {
        using var db = await TempDatabase.CreateMigratedPostgresAsync(postgres, TestContext.Current.CancellationToken);
        var settings = db.Settings;
        settings["Storage:ConnectionString"] = db.ConnectionString + ";Password=s3cret-pw";

        var backup = await CliRunner.RunAsync(settings, "db", "backup", "/tmp/nokobot copy.dump");

        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("pg_dump", backup.Error, StringComparison.Ordinal);
        Assert.Contains($"--port={postgres.Port}", backup.Error, StringComparison.Ordinal);
        Assert.Contains("'--file=/tmp/nokobot copy.dump'", backup.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", backup.Error + backup.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_connects_reads_the_schema_version_and_the_counts()
    {
        using var db = await TempDatabase.CreateMigratedPostgresAsync(postgres, TestContext.Current.CancellationToken);
        await CliRunner.RunAsync(db.Settings, "council", "add", "--name", "Совет", "--slug", "desnogorsk", "--tz", "Europe/Moscow");
        await CliRunner.RunAsync(db.Settings, "plan", "import", RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), "--council", "desnogorsk", "--year", "2020");

        var check = await CliRunner.RunAsync(db.Settings, "db", "check");

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("соединение есть", check.Out, StringComparison.Ordinal);
        Assert.Contains("актуальна", check.Out, StringComparison.Ordinal);
        Assert.Contains("пунктов: 16", check.Out, StringComparison.Ordinal);
        Assert.Contains("База в порядке", check.Out, StringComparison.Ordinal);
    }
}
