using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Scheduling;
using NokoBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace NokoBot.Bench;

/// <summary>
/// Many councils × 50 items (phrasings from the seeds), imported and scheduled: one sweep over all of them (plan,
/// ledger, next wake-up). Councils from NOKOBOT_BENCH_COUNCILS (default 10 000).
/// </summary>
internal static class ScaleScenario
{
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
            var time = TimeProvider.System;
            var db = new SqliteDatabase(Path.Combine(folder.FullName, "nokobot.db"));
            await new MigrationRunner(db, time).ApplyAsync(CancellationToken.None);
            var items = Enumerable.Range(1, 50).Select(i =>
            {
                var text = Phrasings[i % Phrasings.Length];
                return new PlanItem(i.ToString(CultureInfo.InvariantCulture), null, $"Мероприятие {i}", ["Общественный совет", "Комитет по образованию"],
                    text, RussianDeadlineParser.Parse(text, 2026), "протокол заседания");
            }).ToList();

            var watch = Stopwatch.StartNew();
            var councilStore = new CouncilStore(db, time);
            var plans = new PlanStore(db, time);
            for (var c = 0; c < councils; c++)
            {
                var council = (await councilStore.AddAsync($"c{c}", $"Совет {c}", c % 2 == 0 ? "Europe/Moscow" : "Asia/Yakutsk", CancellationToken.None))!;
                await plans.ImportAsync(council.Id, 2026, "plan.txt", "sha", new PlanImport(items, []), CancellationToken.None);
            }
            var imported = watch.Elapsed.TotalSeconds;

            var planner = new ReminderPlanner(CalendarFile.Load(Path.Combine(ParserScenario.RepoRoot(), "config", "calendar", "ru.txt")));
            var ledger = new DeliveryLedger(db, time);
            var sweep = new ReminderSweep(new CouncilSnapshotStore(db, time),
                new DeliveryDispatcher(ledger, new MemberChannels(db), [], time, NullLogger<DeliveryDispatcher>.Instance),
                planner, ledger, new StateStore(db, time), time, []);
            var result = await sweep.RunAsync(CancellationToken.None);
            var triggers = await ScheduleAsync(result, time);
            watch.Stop();

            Report.Line($"scale.import.{councils}x50", imported, "s");
            Report.Line($"scale.imported_and_scheduled.{councils}x50", watch.Elapsed.TotalSeconds, "s", goal: 10);
            Report.Line("scale.quartz_triggers", triggers, "triggers");
            Report.Line("scale.next_wake_up_found", result.NextWakeUp is null ? 0 : 1, "bool");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The triggers the service keeps in Quartz after that sweep: the sweep's next wake-up, the health check, a digest cron per council.</summary>
    private static async Task<int> ScheduleAsync(ReminderSweep.Result result, TimeProvider time)
    {
        await using var services = new ServiceCollection().AddQuartz(q =>
        {
            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key).StoreDurably());
            q.AddJob<HealthJob>(j => j.WithIdentity(HealthJob.Key).StoreDurably());
            q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).StoreDurably());
        }).BuildServiceProvider();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await ReminderSweepJob.ScheduleAtAsync(scheduler, result.NextWakeUp ?? time.GetUtcNow(), CancellationToken.None);
        await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity("health-hourly", "nokobot").ForJob(HealthJob.Key)
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()).Build());
        await DigestSchedule.SyncAsync(scheduler, result.Councils, time.GetUtcNow(), CancellationToken.None);
        var count = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Count;
        await scheduler.Shutdown();
        return count;
    }
}
