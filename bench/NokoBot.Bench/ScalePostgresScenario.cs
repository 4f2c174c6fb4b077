using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;
using Quartz;

namespace NokoBot.Bench;

/// <summary>
/// The scale scenario's import and start-up on PostgreSQL (issue 17, point 2): the same councils × 50 items imported
/// through the stores into a PostgreSQL database (a throwaway cluster on loopback, as the tests run it: fsync off),
/// against bare inserts of the same rows there (prepared single-row inserts, one transaction per council); then the
/// real <c>nokobot run</c> host started on them, and every council's first plan.
/// </summary>
internal static class ScalePostgresScenario
{
    public static async Task RunAsync()
    {
        var councils = int.TryParse(Environment.GetEnvironmentVariable("NOKOBOT_BENCH_COUNCILS"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var folder = Directory.CreateTempSubdirectory("nokobot-bench-scale-pg-");
        await using var server = new PostgresServerFixture();
        try
        {
            var time = new ShiftedClock(new DateTimeOffset(2026, 6, 17, 12, 0, 0, TimeSpan.Zero));
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = nameof(StorageProvider.Postgres),
                ["Storage:ConnectionString"] = await server.CreateDatabaseAsync(CancellationToken.None),
                ["Calendar:Path"] = Path.Combine(ParserScenario.RepoRoot(), "config", "calendar", "ru.txt"),
                ["Smtp:Enabled"] = "true",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "noko@example.org",
            };
            var db = Path.Combine(folder.FullName, "nokobot.db");

            var (bare, rows) = await BareInsertsAsync(await server.CreateDatabaseAsync(CancellationToken.None), time, councils, 50);
            var imported = await ScaleScenario.ImportAsync(db, time, settings, councils, ScaleScenario.Items());
            Report.Line($"scale.postgres.import.{councils}x50", imported.TotalSeconds, "s (councils, plans, items, party links, secretaries through the stores, PostgreSQL)",
                bare.TotalSeconds, $"bare inserts of the same {rows} rows into PostgreSQL, s");

            using var host = BenchHost.CreateBuilder(db, time, settings, service: true).Build();
            var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
            var plans = await CouncilPlanListener.AttachAsync(scheduler);
            var watch = Stopwatch.StartNew();
            await host.StartAsync();
            var started = watch.Elapsed;
            await plans.WaitForCountAsync(councils, TimeSpan.FromMinutes(10));
            var planned = watch.Elapsed;
            Report.Line($"scale.postgres.schedule.{councils}x50", started.TotalSeconds, "s (start-up: every council's trigger and digest cron set, no plan read)");
            Report.Line($"scale.postgres.imported_and_scheduled.{councils}x50", (imported + started).TotalSeconds, "s", bare.TotalSeconds, "bare inserts into PostgreSQL, s", goal: 10);
            Report.Line($"scale.postgres.first_plan_of_every_council.{councils}x50", planned.TotalSeconds, "s (from start: each new council planned once by its own trigger)");
            await host.StopAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The ceiling: the scale scenario's bare inserts, in PostgreSQL (prepared, one transaction per council).</summary>
    private static async Task<(TimeSpan Elapsed, long Rows)> BareInsertsAsync(string connectionString, TimeProvider time, int councils, int items)
    {
        await using (var migrated = new PostgresDatabase(connectionString, Path.GetTempPath()))
            await new MigrationRunner(migrated, time).ApplyAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        long rows = 0;
        for (var c = 0; c < councils; c++)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var council = await ScalarAsync(connection, tx, "INSERT INTO councils (slug, name, time_zone, created_at) VALUES ($1, 'Совет', 'Europe/Moscow', 0) RETURNING id", $"c{c}");
            var plan = await ScalarAsync(connection, tx, "INSERT INTO plans (council_id, year, source_file, source_sha256, imported_at) VALUES ($1, 2026, 'plan.txt', 'sha', 0) RETURNING id", council);
            var party1 = await ScalarAsync(connection, tx, "INSERT INTO parties (council_id, name) VALUES ($1, 'Общественный совет') RETURNING id", council);
            var party2 = await ScalarAsync(connection, tx, "INSERT INTO parties (council_id, name) VALUES ($1, 'Комитет по образованию') RETURNING id", council);
            await using var item = new NpgsqlCommand(
                """
                INSERT INTO plan_items (plan_id, number, position, title, result, deadline_text, deadline_kind)
                VALUES ($1, $2::text, $2, 'Мероприятие', 'протокол заседания', 'июнь', 'window') RETURNING id
                """, connection, tx);
            var itemPlan = item.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
            var number = item.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
            await item.PrepareAsync();
            await using var link = new NpgsqlCommand("INSERT INTO item_parties (item_id, party_id, position) VALUES ($1, $2, $3)", connection, tx);
            var linkItem = link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
            var linkParty = link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
            var linkPosition = link.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
            await link.PrepareAsync();
            for (var i = 1; i <= items; i++)
            {
                itemPlan.Value = plan;
                number.Value = (long)i;
                var id = (long)(await item.ExecuteScalarAsync())!;
                foreach (var (party, position) in new[] { (party1, 0L), (party2, 1L) })
                {
                    linkItem.Value = id;
                    linkParty.Value = party;
                    linkPosition.Value = position;
                    await link.ExecuteNonQueryAsync();
                }
            }
            await ScalarAsync(connection, tx, "INSERT INTO members (council_id, name, role, telegram_chat_id, created_at) VALUES ($1, 'Секретарь', 'secretary', 1, 0) RETURNING id", council);
            await tx.CommitAsync();
            rows += 5 + items * 3;
        }
        return (watch.Elapsed, rows);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, object value)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
