using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Quartz owns when: this job runs a <see cref="DeliverySweep"/> and moves its own trigger to the next instant
/// anything falls due. What is due lives in SQLite, so a lost trigger only delays a sweep, never loses a message.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeliverySweepJob(DeliverySweep sweep, SweepRequests requests, DigestSchedule digests, TimeProvider time, ILogger<DeliverySweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder-sweep", "nokobot");
    public static readonly TriggerKey TriggerKey = new("reminder-sweep-next", "nokobot");

    /// <summary>Even with nothing planned, look again this often (plans and replies change between sweeps too).</summary>
    public static readonly TimeSpan IdleInterval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var requestsAtStart = requests.Count;
        DateTimeOffset next;
        try
        {
            var result = await sweep.RunAsync(ct);
            SchedulingLog.SweepDone(logger, result.Enqueued, result.Sent, result.NextWakeUp);
            // New councils get their digest trigger on the next sweep, without a restart.
            await digests.SyncAsync(context.Scheduler, result.Councils, time.GetUtcNow(), ct);
            var idle = time.GetUtcNow() + IdleInterval;
            next = result.NextWakeUp is { } wake && wake < idle ? wake : idle;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            next = time.GetUtcNow() + TimeSpan.FromMinutes(1);
            SchedulingLog.SweepFailed(logger, e, next);
        }
        // A reply or a meeting change that asked for a sweep while this one ran gets its sweep soon; a request landing
        // while the trigger is being moved is caught by the second look (a request counts before it moves the trigger).
        var seen = requests.Count;
        var soon = time.GetUtcNow() + QuartzPlanChanges.Coalesce;
        await ScheduleAtAsync(context.Scheduler, seen != requestsAtStart && soon < next ? soon : next, ct);
        if (requests.Count != seen && soon < next) await ScheduleAtAsync(context.Scheduler, soon, ct);
    }

    /// <summary>Points the sweep's one trigger at <paramref name="at"/> (creating it the first time).</summary>
    public static async Task ScheduleAtAsync(IScheduler scheduler, DateTimeOffset at, CancellationToken ct)
    {
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(TriggerKey).ForJob(Key).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        if (await scheduler.GetTrigger(TriggerKey, ct) is null)
            await scheduler.ScheduleJob(trigger, cancellationToken: ct);
        else
            await scheduler.RescheduleJob(TriggerKey, trigger, ct);
    }
}
