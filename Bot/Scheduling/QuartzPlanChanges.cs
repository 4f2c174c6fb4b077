using NokoBot.Delivery;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Re-plans the council that changed, and no other: its trigger is brought forward to now, or — when the council was
/// planned less than <see cref="Coalesce"/> ago — to that second's end, so a burst of replies in one council makes one
/// plan a second, not one each.
/// </summary>
public sealed class QuartzPlanChanges(ISchedulerFactory schedulers, PlanRequests requests, CouncilScheduleStore schedules, TimeProvider time) : IPlanChanges
{
    public static readonly TimeSpan Coalesce = TimeSpan.FromSeconds(1);

    public async Task ChangedAsync(long councilId, CancellationToken ct)
    {
        requests.Add(councilId);
        var scheduler = await schedulers.GetScheduler(ct);
        var now = time.GetUtcNow();
        var at = requests.LastPlanned(councilId) is { } last && last + Coalesce > now ? last + Coalesce : now;
        var trigger = await scheduler.GetTrigger(CouncilTriggers.TriggerKeyOf(councilId), ct);
        // A plan already set to start by then will see this change (a running one re-plans: it counts requests).
        if (trigger is { NextFireTimeUtc: { } next } && next <= at) return;
        // A council the service has not adopted yet is left to the check for new councils: it plans it at once and
        // sets its digest cron too.
        if (trigger is null && !await schedules.IsScheduledAsync(councilId, ct)) return;
        await CouncilTriggers.ScheduleAtAsync(scheduler, councilId, at, ct);
    }
}
