using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Every minute, one query for councils added since the last look (the CLI adds them while the service runs): each is
/// planned at once and gets its digest trigger. Councils already scheduled are not read.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CouncilWatchJob(CouncilScheduleStore schedules, DigestSchedule digests, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("council-watch", "nokobot");
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var added = await schedules.AdoptNewAsync(cancellationToken);
        if (added.Count == 0) return;
        var now = time.GetUtcNow();
        await CouncilTriggers.ScheduleAllAsync(context.Scheduler, added.Select(c => (c.Schedule.Council.Id, now)), cancellationToken);
        await digests.SyncAsync(context.Scheduler, added.Select(c => c.Schedule), now, cancellationToken);
    }
}
