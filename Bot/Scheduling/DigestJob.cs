using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// The weekly digest of one council, fired by a cron trigger in the council's own time zone: it is written to the
/// outbox (once per address and day) and the dispatch sends it. Its sync needs no plan.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(
    CouncilStore councils, CouncilSnapshotStore snapshots, CouncilMailSettings mail, Outbox outbox, DispatchWake dispatch,
    TimeProvider time, ILogger<DigestJob> logger) : IJob
{
    public const string CouncilSlugKey = "council";
    public static readonly JobKey Key = new("digest", "nokobot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var slug = context.MergedJobDataMap.GetString(CouncilSlugKey) ?? "";
        if (await councils.FindAsync(slug, cancellationToken) is not { } council) return;
        var snapshot = await snapshots.LoadAsync(council, cancellationToken);
        // The day it was due, not the day it ran: a digest caught up after downtime reports that Monday. A cron that
        // misfired in a shared store fires "now", so the due instant is the latest digest instant before its firing.
        var due = DigestSchedule.LastScheduled(snapshot.Schedule, context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        if (time.GetUtcNow() - due >= snapshot.Settings.CatchUpGrace)
        {
            SchedulingLog.DigestTooLate(logger, council.Slug, due);
            return;
        }
        var day = CouncilClock.LocalDate(due, snapshot.Zone);
        var addresses = await mail.DigestRecipientsAsync(council.Id, cancellationToken);
        var written = await outbox.EnqueueDigestAsync(snapshot, day, addresses, time.GetUtcNow(), cancellationToken);
        SchedulingLog.DigestQueued(logger, council.Slug, day, written.Count);
        if (written.Count > 0) await dispatch.WakeAsync(context.Scheduler, time.GetUtcNow(), cancellationToken);
    }
}
