using NokoBot.Delivery;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Re-plans the council that changed, and no other: its trigger is brought forward to now, or — when the council was
/// planned less than <see cref="Coalesce"/> ago — to that second's end, so a burst of replies in one council makes one
/// plan a second, not one each.
/// </summary>
public sealed class QuartzPlanChanges(ISchedulerFactory schedulers, PlanRequests requests, TimeProvider time) : IPlanChanges
{
    public static readonly TimeSpan Coalesce = TimeSpan.FromSeconds(1);

    public async Task ChangedAsync(long councilId, CancellationToken ct)
    {
        requests.Add(councilId);
        var scheduler = await schedulers.GetScheduler(ct);
        var now = time.GetUtcNow();
        var at = requests.LastPlanned(councilId) is { } last && last + Coalesce > now ? last + Coalesce : now;
        // A plan already set to start by then will see this change (a running one re-plans: it counts requests).
        if (await scheduler.GetTrigger(CouncilTriggers.TriggerKeyOf(councilId), ct) is { NextFireTimeUtc: { } next } && next <= at) return;
        await CouncilTriggers.ScheduleAtAsync(scheduler, councilId, at, ct);
    }
}
