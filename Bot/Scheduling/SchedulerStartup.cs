using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Runs after Quartz has started: says what the service serves, fires the first sweep at once (which catches up
/// whatever fell due while the service was down) and starts the hourly health line.
/// </summary>
public sealed class SchedulerStartup(
    ISchedulerFactory schedulers, CouncilSnapshotStore snapshots, ReminderPlanner planner, TimeProvider time,
    ILogger<SchedulerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        await foreach (var council in snapshots.LoadAllAsync(cancellationToken))
        {
            var (_, next) = planner.PlanAround(council, now);
            SchedulingLog.Serving(logger, council.Council.Slug, council.Council.TimeZone, council.Plan?.Items.Count ?? 0, council.Members.Count, next);
        }

        await ReminderSweepJob.ScheduleAtAsync(scheduler, now, cancellationToken);
        var health = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity("health-hourly", "nokobot").ForJob(HealthJob.Key)
            .StartAt(now.AddHours(1)).WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever())
            .Build();
        if (await scheduler.GetTrigger(health.Key, cancellationToken) is null)
            await scheduler.ScheduleJob(health, cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
