using Microsoft.Extensions.Logging;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>An hourly line in the log saying the service is alive and what it has to do.</summary>
[DisallowConcurrentExecution]
public sealed class HealthJob(CouncilStore councils, DeliveryLedger ledger, ILogger<HealthJob> logger) : IJob
{
    public static readonly JobKey Key = new("health", "nokobot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var count = (await councils.ListAsync(cancellationToken)).Count;
        var pending = await ledger.CountPendingAsync(cancellationToken);
        var next = await context.Scheduler.GetTrigger(DeliverySweepJob.TriggerKey, cancellationToken);
        SchedulingLog.Health(logger, count, pending, next?.NextFireTimeUtc);
    }
}
