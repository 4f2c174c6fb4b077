using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Runs after Quartz has started and reads no council's plan: a council whose trigger is not in the store gets one
/// at the instant it was set for before (<c>council_schedule.next_at</c>, in the past after downtime: it fires at once
/// and catches up), a council never scheduled is planned now, each council's digest cron comes from its settings.
/// Then the dispatch (for anything left pending), the check for councils added later, and the hourly health line.
/// <para>
/// Idempotent and cheap on a shared (clustered) store, where the triggers outlive every node: what is there and set
/// is kept, so a node's start costs two queries of ours and two listings of Quartz's, not a rewrite of every trigger.
/// The in-memory store starts empty, so there every council is scheduled, as it always was.
/// </para>
/// </summary>
public sealed class SchedulerStartup(
    ISchedulerFactory schedulers, CouncilScheduleStore schedules, DigestSchedule digests, DispatchWake dispatch, TimeProvider time,
    ILogger<SchedulerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var scheduler = await schedulers.GetScheduler(ct);
        var now = time.GetUtcNow();
        var adopted = await schedules.AdoptNewAsync(ct);
        var councils = await schedules.ListAsync(ct);
        var stored = await StoredTriggers.NextFireTimesAsync(scheduler, CouncilTriggers.Group, ct);
        // A trigger with no next instant was fired and is being (or was, by a node that died) planned: set it again;
        // a plan still running keeps the earlier of the two.
        var missing = councils
            .Where(c => !(stored.TryGetValue(CouncilTriggers.TriggerKeyOf(c.Schedule.Council.Id), out var next) && next is not null))
            .ToList();
        await CouncilTriggers.ScheduleAllAsync(scheduler, missing.Select(c => (c.Schedule.Council.Id, c.NextAt ?? now)), ct);
        await digests.SyncAsync(scheduler, councils.Select(c => c.Schedule), now, ct);
        var due = missing.Count(c => c.NextAt <= now);
        SchedulingLog.Scheduled(logger, councils.Count, councils.Count - missing.Count, adopted.Count, due);
        await dispatch.WakeAsync(scheduler, now, ct);
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
        if (await scheduler.GetTrigger(trigger.Key, ct) is not null) return;
        try
        {
            await scheduler.ScheduleJob(trigger, cancellationToken: ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another node starting at the same moment added it first.
        }
    }
}
