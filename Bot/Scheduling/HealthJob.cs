using Microsoft.Extensions.Logging;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>An hourly line in the log saying the service is alive and what it has to do.</summary>
[DisallowConcurrentExecution]
public sealed class HealthJob(CouncilStore councils, DeliveryLedger ledger, CouncilScheduleStore schedules, CouncilSnapshotStore snapshots, ILogger<HealthJob> logger) : IJob
{
    public static readonly JobKey Key = new("health", "nokobot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var count = (await councils.ListAsync(cancellationToken)).Count;
        var pending = await ledger.CountPendingAsync(cancellationToken);
        var dispatch = (await context.Scheduler.GetTrigger(DispatchWake.TriggerKey, cancellationToken))?.NextFireTimeUtc;
        var plan = await schedules.EarliestNextAsync(cancellationToken);
        SchedulingLog.Health(logger, count, pending, snapshots.Loads, dispatch is { } d && (plan is null || d < plan) ? d : plan);
    }
}
