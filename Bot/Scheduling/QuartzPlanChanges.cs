using NokoBot.Delivery;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Counts requests for a sweep. A sweep that was already running when a request came in must not push its trigger
/// past it: it compares the count from its start with the count at its end.
/// </summary>
public sealed class SweepRequests
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>
/// Brings the sweep forward to within <see cref="Coalesce"/> after a plan change. A burst of replies makes one sweep,
/// not one each: a sweep reads every council, and a reply needs its effect planned soon, not within the millisecond.
/// </summary>
public sealed class QuartzPlanChanges(ISchedulerFactory schedulers, SweepRequests requests, TimeProvider time) : IPlanChanges
{
    public static readonly TimeSpan Coalesce = TimeSpan.FromSeconds(1);

    public async Task ChangedAsync(long councilId, CancellationToken ct)
    {
        requests.Add();
        var scheduler = await schedulers.GetScheduler(ct);
        var soon = time.GetUtcNow() + Coalesce;
        // A sweep already set to start by then will see this change (a running one re-sweeps: it counts requests).
        if (await scheduler.GetTrigger(DeliverySweepJob.TriggerKey, ct) is { } trigger && trigger.NextFireTimeUtc <= soon) return;
        await DeliverySweepJob.ScheduleAtAsync(scheduler, soon, ct);
    }
}
