using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Plans one council when its trigger fires: only its snapshot is read, its due deliveries go to the ledger (the
/// dispatch is woken to send them, and kept no later than the earliest pending delivery), and its trigger moves to
/// the next instant it needs planning. One job per council, and [DisallowConcurrentExecution] holds per job (in a
/// cluster, through the shared store), so a council is never planned twice at once — on one node or two — while
/// different councils are planned side by side. Re-entrant: it plans from the council's own mark, so a run repeated
/// after a node died in it (the job asks for recovery) writes nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CouncilPlanJob(DeliverySweep sweep, PlanRequests requests, DispatchWake dispatch, TimeProvider time, ILogger<CouncilPlanJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var councilId = context.MergedJobDataMap.GetLong(CouncilTriggers.CouncilIdKey);
        var requestsAtStart = requests.Count(councilId);
        requests.Planning(councilId, time.GetUtcNow());
        DateTimeOffset next;
        try
        {
            var result = await sweep.PlanCouncilAsync(councilId, (due, now) => CouncilTriggers.NextAt(councilId, due, now), ct);
            if (!result.Found)
            {
                // The council was removed: its job goes with it.
                await context.Scheduler.DeleteJob(context.JobDetail.Key, ct);
                return;
            }
            SchedulingLog.CouncilPlanned(logger, councilId, result.Enqueued, result.Next);
            // What it wrote is due now; anything else pending keeps the dispatch no later than its own instant.
            if (result.NextPending is { } pending) await dispatch.WakeAsync(context.Scheduler, pending > result.SweptUntil ? pending : result.SweptUntil, ct);
            next = result.NextAt;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            next = time.GetUtcNow() + TimeSpan.FromMinutes(1);
            SchedulingLog.CouncilPlanFailed(logger, e, councilId, next);
        }
        // A change asked for while this plan ran gets its plan soon; a request landing while the trigger is being moved
        // is caught by the second look (a request counts before it moves the trigger).
        // A change on another node (a shared store) shows as the trigger set again while this ran: kept when earlier.
        var seen = requests.Count(councilId);
        var soon = time.GetUtcNow() + QuartzPlanChanges.Coalesce;
        var at = seen != requestsAtStart && soon < next ? soon : next;
        if (!await StoredTriggers.FiresByAsync(context.Scheduler, CouncilTriggers.TriggerKeyOf(councilId), at, ct))
            await CouncilTriggers.ScheduleAtAsync(context.Scheduler, councilId, at, ct);
        if (requests.Count(councilId) != seen && soon < next) await CouncilTriggers.ScheduleAtAsync(context.Scheduler, councilId, soon, ct);
    }
}
