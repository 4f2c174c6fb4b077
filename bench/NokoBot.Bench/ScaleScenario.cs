using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Scheduling;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Bench;

/// <summary>
/// Many councils × 50 items (phrasings from the seeds), imported and scheduled: one sweep over all of them (plan,
/// ledger, next wake-up) through the service's composition root. Councils from NOKOBOT_BENCH_COUNCILS (default 10 000).
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
            // The service's composition root with Quartz and email (digests are email: without it there are no digest triggers), not started.
            using var host = BenchHost.CreateBuilder(Path.Combine(folder.FullName, "nokobot.db"), time, new Dictionary<string, string?>
            {
                ["Calendar:Path"] = Path.Combine(ParserScenario.RepoRoot(), "config", "calendar", "ru.txt"),
                ["Smtp:Enabled"] = "true",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "noko@example.org",
            }, service: true).Build();
            await host.Get<MigrationRunner>().ApplyAsync(CancellationToken.None);
            var items = Enumerable.Range(1, 50).Select(i =>
            {
                var text = Phrasings[i % Phrasings.Length];
                return new PlanItem(i.ToString(CultureInfo.InvariantCulture), null, $"Мероприятие {i}", ["Общественный совет", "Комитет по образованию"],
                    text, RussianDeadlineParser.Parse(text, 2026), "протокол заседания");
            }).ToList();

            var watch = Stopwatch.StartNew();
            var councilStore = host.Get<CouncilStore>();
            var plans = host.Get<PlanStore>();
            var members = host.Get<MemberDirectory>();
            for (var c = 0; c < councils; c++)
            {
                var council = (await councilStore.AddAsync($"c{c}", $"Совет {c}", c % 2 == 0 ? "Europe/Moscow" : "Asia/Yakutsk", CancellationToken.None))!;
                await plans.ImportAsync(council.Id, 2026, "plan.txt", "sha", new PlanImport(items, []), CancellationToken.None);
                // Every council has its secretary, who stands in for parties nobody is linked to: reminders have someone to go to.
                await members.AddAsync(council.Id, "Секретарь", NokoBot.Domain.Councils.MemberRole.Secretary, 10_000_000 + c, null, [], CancellationToken.None);
            }
            var imported = watch.Elapsed;

            var result = await host.Get<DeliverySweep>().RunAsync(CancellationToken.None);
            var swept = watch.Elapsed;
            var triggers = await ScheduleAsync(host, result, time);
            watch.Stop();

            Report.Line($"scale.import.{councils}x50", imported.TotalSeconds, "s");
            Report.Line($"scale.sweep.{councils}x50", (swept - imported).TotalSeconds, "s (one sweep over every council: snapshot, plan, ledger)");
            Report.Line($"scale.schedule.{councils}x50", (watch.Elapsed - swept).TotalSeconds, "s (Quartz triggers)");
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

    /// <summary>
    /// The triggers the service keeps in Quartz after that sweep, set the way it sets them: start-up's (the sweep, the
    /// hourly health line), the sweep job's next wake-up, a digest cron per council (and a catch-up when the latest
    /// digest passed within the grace).
    /// </summary>
    private static async Task<int> ScheduleAsync(IHost host, DeliverySweep.Result result, TimeProvider time)
    {
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();
        await host.Services.GetServices<IHostedService>().OfType<SchedulerStartup>().Single().StartAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        var idle = now + DeliverySweepJob.IdleInterval;
        await DeliverySweepJob.ScheduleAtAsync(scheduler, result.NextWakeUp is { } wake && wake < idle ? wake : idle, CancellationToken.None);
        await host.Get<DigestSchedule>().SyncAsync(scheduler, result.Councils, now, CancellationToken.None);
        var count = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup())).Count;
        await scheduler.Shutdown();
        return count;
    }
}
