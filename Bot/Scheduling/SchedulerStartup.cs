using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Runs after Quartz has started and reads no council's plan: every council's trigger comes from the instant it was
/// set for before (<c>council_schedule.next_at</c>, in the past after downtime: it fires at once and catches up), a
/// council never scheduled is planned now, each council's digest cron comes from its settings. Then the dispatch (for
/// anything left pending), the check for councils added later, and the hourly health line.
/// </summary>
public sealed class SchedulerStartup(
    ISchedulerFactory schedulers, CouncilScheduleStore schedules, DigestSchedule digests, TimeProvider time, ILogger<SchedulerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var scheduler = await schedulers.GetScheduler(ct);
        var now = time.GetUtcNow();
        var adopted = await schedules.AdoptNewAsync(ct);
        var councils = await schedules.ListAsync(ct);
        await CouncilTriggers.ScheduleAllAsync(scheduler, councils.Select(c => (c.Schedule.Council.Id, c.NextAt ?? now)), ct);
        await digests.SyncAsync(scheduler, councils.Select(c => c.Schedule), now, ct);
        var due = councils.Count(c => c.NextAt <= now);
        SchedulingLog.Scheduled(logger, councils.Count, adopted.Count, due);
        await DispatchWake.ScheduleAtAsync(scheduler, now, ct);
        await AddRepeatingAsync(scheduler, "council-watch-every-minute", CouncilWatchJob.Key, now + CouncilWatchJob.Interval, CouncilWatchJob.Interval, ct);
        await AddRepeatingAsync(scheduler, "health-hourly", HealthJob.Key, now.AddHours(1), TimeSpan.FromHours(1), ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task AddRepeatingAsync(IScheduler scheduler, string name, JobKey job, DateTimeOffset start, TimeSpan interval, CancellationToken ct)
    {
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(name, "nokobot").ForJob(job)
            .StartAt(start).WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        if (await scheduler.GetTrigger(trigger.Key, ct) is null) await scheduler.ScheduleJob(trigger, cancellationToken: ct);
    }
}
