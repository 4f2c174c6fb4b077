using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Tests.Support;
using Quartz;

namespace NokoBot.Bench;

/// <summary>
/// Many councils × 50 items (phrasings from the seeds; NOKOBOT_BENCH_COUNCILS, default 10 000), each with a secretary
/// who stands in for every party: imported through the stores (against bare inserts of the same rows), then the real
/// <c>nokobot run</c> host started on them — every council new, so each gets its trigger and is planned once — then
/// replies in random councils (each re-plans its council), the CPU the service takes while nothing is due, and a
/// restart (start-up reads no plan). The clock is real time shifted to a Wednesday afternoon of the plan year: no
/// digest to catch up and nothing due for hours.
/// </summary>
internal static class ScaleScenario
{
    private const int Replies = 300;
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(30);

    private static readonly string[] Phrasings =
    [
        "январь - март", "", "июнь", "июнь – август", "согласно графику проведения НОКО", "в течение 10 дней со дня поступления информации о результатах НОКО",
        "в течение 3 дней после рассмотрения результатов НОКО", "в течение года", "ноябрь - декабрь", "декабрь", "постоянно", "ежегодно, 1 раз в квартал",
        "II квартал", "IV квартал", "Январь-февраль",
    ];

    public static async Task RunAsync()
    {
        var councils = int.TryParse(Environment.GetEnvironmentVariable("NOKOBOT_BENCH_COUNCILS"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var folder = Directory.CreateTempSubdirectory("nokobot-bench-scale-");
        try
        {
            var time = new ShiftedClock(new DateTimeOffset(2026, 6, 17, 12, 0, 0, TimeSpan.Zero));
            var db = Path.Combine(folder.FullName, "nokobot.db");
            // Email is on so that each council has its digest cron (digests are email).
            var settings = new Dictionary<string, string?>
            {
                ["Calendar:Path"] = Path.Combine(ParserScenario.RepoRoot(), "config", "calendar", "ru.txt"),
                ["Smtp:Enabled"] = "true",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "noko@example.org",
            };
            var items = Items();

            var (bare, rows) = await BareInsertsAsync(Path.Combine(folder.FullName, "bare.db"), time, councils, items.Count);
            var imported = await ImportAsync(db, time, settings, councils, items);
            Report.Line($"scale.import.{councils}x50", imported.TotalSeconds, "s (councils, plans, items, party links, secretaries through the stores)",
                bare.TotalSeconds, $"bare inserts of the same {rows} rows, s");

            using (var host = BenchHost.CreateBuilder(db, time, settings, service: true).Build())
            {
                var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
                var plans = await CouncilPlanListener.AttachAsync(scheduler);
                var watch = Stopwatch.StartNew();
                await host.StartAsync();
                var started = watch.Elapsed;
                await plans.WaitForCountAsync(councils, TimeSpan.FromMinutes(10));
                var planned = watch.Elapsed;
                var triggers = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Count;
                Report.Line($"scale.schedule.{councils}x50", started.TotalSeconds, "s (start-up: every council's trigger and digest cron set, no plan read)");
                Report.Line($"scale.imported_and_scheduled.{councils}x50", (imported + started).TotalSeconds, "s", bare.TotalSeconds, "bare inserts, s", goal: 10);
                Report.Line($"scale.first_plan_of_every_council.{councils}x50", planned.TotalSeconds, "s (from start: each new council planned once by its own trigger)");
                Report.Line($"scale.imported_scheduled_and_planned.{councils}x50", (imported + planned).TotalSeconds, "s");
                Report.Line("scale.quartz_triggers", triggers, "triggers");

                await RepliesAsync(host, plans, councils);
                await IdleAsync(host, plans);
                await host.StopAsync();
            }

            // Restarted: every council has its stored instant, so start-up sets the triggers and reads no plan.
            using (var restarted = BenchHost.CreateBuilder(db, time, settings, service: true).Build())
            {
                var watch = Stopwatch.StartNew();
                await restarted.StartAsync();
                var started = watch.Elapsed;
                var loads = restarted.Get<CouncilSnapshotStore>().Loads;
                Report.Line($"scale.restart_schedule.{councils}x50", started.TotalSeconds, "s (start-up with every council scheduled before)");
                Report.Line("scale.restart_snapshots_read", loads, "snapshots read by start-up");
                await restarted.StopAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Replies one after another in random councils: from the reply's start to its council's plan ending.</summary>
    private static async Task RepliesAsync(IHost host, CouncilPlanListener plans, int councils)
    {
        // A council planned less than a second ago waits for that second to end: let the start-up plans age past it.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var database = host.Get<Database>();
        Dictionary<long, long> secretaries;
        await using (var connection = await database.OpenAsync(CancellationToken.None))
            secretaries = (await connection.QueryAsync<(long Council, long Member)>("SELECT council_id, id FROM members")).ToDictionary(r => r.Council, r => r.Member);
        var snapshots = host.Get<CouncilSnapshotStore>();
        var service = host.Get<ReplyService>();
        var store = host.Get<CouncilStore>();
        var random = new Random(17);
        var latencies = new List<double>();
        var accepted = 0;
        var loadsBefore = snapshots.Loads;
        var plansBefore = plans.Count;
        var asked = new HashSet<long>();
        while (latencies.Count < Replies)
        {
            var councilId = random.NextInt64(1, councils + 1);
            if (!asked.Add(councilId)) continue;
            var council = (await store.FindAsync(councilId, CancellationToken.None))!;
            var before = plans.FinishedAt(councilId);
            var start = Stopwatch.GetTimestamp();
            // Item 3 («июнь»): the secretary reports it done.
            var outcome = await service.ApplyAsync(council, new Actor(secretaries[councilId], MemberRole.Secretary, []), new ReplyRequest.Done("3", null), CancellationToken.None);
            if (outcome.Accepted) accepted++;
            else await service.ChangedAsync(councilId, CancellationToken.None);
            while (plans.FinishedAt(councilId) is not { } end || end == before || end < start) await Task.Delay(1);
            latencies.Add(Stopwatch.GetElapsedTime(start, plans.FinishedAt(councilId)!.Value).TotalSeconds);
            await Task.Delay(20);
        }
        latencies.Sort();
        Report.Line("scale.reply_replan_p50", latencies[latencies.Count / 2], $"s (reply written → its council re-planned, {Replies} replies, {accepted} accepted)");
        Report.Line("scale.reply_replan_p99", latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1], "s", goal: 0.1);
        Report.Line("scale.reply_replan_max", latencies[^1], "s");
        Report.Line("scale.reply_snapshots_read", (snapshots.Loads - loadsBefore) / (double)Replies, "snapshots per reply (the reply's decision and its council's plan)");
        Report.Line("scale.reply_council_plans", (plans.Count - plansBefore) / (double)Replies, "council plans per reply");
    }

    /// <summary>The service's own CPU while nothing falls due: what the timers cost between due instants.</summary>
    private static async Task IdleAsync(IHost host, CouncilPlanListener plans)
    {
        var process = Process.GetCurrentProcess();
        var plansBefore = plans.Count;
        var loadsBefore = host.Get<CouncilSnapshotStore>().Loads;
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        await Task.Delay(IdleWindow);
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        Report.Line("scale.idle_cpu", used.TotalSeconds / IdleWindow.TotalSeconds * 100, $"% of one core over {IdleWindow.TotalSeconds:0} s with nothing due");
        Report.Line("scale.idle_council_plans", plans.Count - plansBefore, $"council plans in those {IdleWindow.TotalSeconds:0} s");
        Report.Line("scale.idle_snapshots_read", host.Get<CouncilSnapshotStore>().Loads - loadsBefore, "snapshots read in the idle window");
    }

    internal static List<PlanItem> Items() =>
    [
        .. Enumerable.Range(1, 50).Select(i =>
        {
            var text = Phrasings[i % Phrasings.Length];
            return new PlanItem(i.ToString(CultureInfo.InvariantCulture), null, $"Мероприятие {i}", ["Общественный совет", "Комитет по образованию"],
                text, RussianDeadlineParser.Parse(text, 2026), "протокол заседания");
        }),
    ];

    internal static async Task<TimeSpan> ImportAsync(string db, TimeProvider time, Dictionary<string, string?> settings, int councils, List<PlanItem> items)
    {
        using var host = BenchHost.Build(db, time, settings);
        await host.Get<MigrationRunner>().ApplyAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var councilStore = host.Get<CouncilStore>();
        var plans = host.Get<PlanStore>();
        var members = host.Get<MemberDirectory>();
        for (var c = 0; c < councils; c++)
        {
            var council = (await councilStore.AddAsync($"c{c}", $"Совет {c}", c % 2 == 0 ? "Europe/Moscow" : "Asia/Yakutsk", CancellationToken.None))!;
            await plans.ImportAsync(council.Id, 2026, "plan.txt", "sha", new PlanImport(items, []), CancellationToken.None);
            await members.AddAsync(council.Id, "Секретарь", MemberRole.Secretary, 10_000_000 + c, null, [], CancellationToken.None);
        }
        return watch.Elapsed;
    }

    /// <summary>
    /// The ceiling: the same rows (a council, its plan, two parties, 50 items with two party links each, the secretary)
    /// as prepared single-row inserts, one transaction per council as the import commits, into the same schema.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, long Rows)> BareInsertsAsync(string path, TimeProvider time, int councils, int items)
    {
        var database = new SqliteDatabase(path);
        await new MigrationRunner(database, time).ApplyAsync(CancellationToken.None);
        await using var connection = await database.OpenSqliteAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        long rows = 0;
        for (var c = 0; c < councils; c++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            var council = Scalar(connection, tx, "INSERT INTO councils (slug, name, time_zone, created_at) VALUES ($a, 'Совет', 'Europe/Moscow', 0) RETURNING id", $"c{c}");
            var plan = Scalar(connection, tx, "INSERT INTO plans (council_id, year, source_file, source_sha256, imported_at) VALUES ($a, 2026, 'plan.txt', 'sha', 0) RETURNING id", council);
            var party1 = Scalar(connection, tx, "INSERT INTO parties (council_id, name) VALUES ($a, 'Общественный совет') RETURNING id", council);
            var party2 = Scalar(connection, tx, "INSERT INTO parties (council_id, name) VALUES ($a, 'Комитет по образованию') RETURNING id", council);
            using var item = connection.CreateCommand();
            item.Transaction = tx;
            item.CommandText = """
                INSERT INTO plan_items (plan_id, number, position, title, result, deadline_text, deadline_kind)
                VALUES ($plan, $number, $number, 'Мероприятие', 'протокол заседания', 'июнь', 'window') RETURNING id
                """;
            var itemPlan = item.Parameters.Add("$plan", SqliteType.Integer);
            var number = item.Parameters.Add("$number", SqliteType.Integer);
            item.Prepare();
            using var link = connection.CreateCommand();
            link.Transaction = tx;
            link.CommandText = "INSERT INTO item_parties (item_id, party_id, position) VALUES ($item, $party, $position)";
            var linkItem = link.Parameters.Add("$item", SqliteType.Integer);
            var linkParty = link.Parameters.Add("$party", SqliteType.Integer);
            var linkPosition = link.Parameters.Add("$position", SqliteType.Integer);
            link.Prepare();
            for (var i = 1; i <= items; i++)
            {
                itemPlan.Value = plan;
                number.Value = i;
                var id = (long)item.ExecuteScalar()!;
                foreach (var (party, position) in new[] { (party1, 0), (party2, 1) })
                {
                    linkItem.Value = id;
                    linkParty.Value = party;
                    linkPosition.Value = position;
                    link.ExecuteNonQuery();
                }
            }
            Scalar(connection, tx, "INSERT INTO members (council_id, name, role, telegram_chat_id, created_at) VALUES ($a, 'Секретарь', 'secretary', 1, 0) RETURNING id", council);
            await tx.CommitAsync();
            rows += 5 + items * 3;
        }
        return (watch.Elapsed, rows);
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction tx, string sql, object value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", value);
        return (long)command.ExecuteScalar()!;
    }
}
