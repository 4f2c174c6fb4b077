using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Sends what is pending in the ledger and moves its own trigger to the earliest pending delivery (a retry's back-off,
/// or at once when a batch left rows behind). The only sender in the service: one message is in flight at a time.
/// In a cluster it stays one trigger for all nodes, run by whichever node acquires it: the Telegram rate limits are
/// counted per process, so one sender keeps the bot under them; a node dying mid-run has the run recovered elsewhere.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(DeliverySweep sweep, DispatchWake wakes, TimeProvider time, ILogger<DispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("dispatch", "nokobot");

    /// <summary>With nothing pending, look again this often anyway (a row written by another process, e.g. the CLI).</summary>
    public static readonly TimeSpan IdleInterval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var wakesAtStart = wakes.Count;
        DateTimeOffset next;
        try
        {
            var result = await sweep.DispatchAsync(ct);
            SchedulingLog.Dispatched(logger, result.Sent, result.Next);
            var now = time.GetUtcNow();
            var idle = now + IdleInterval;
            // Due now: the rest of a full batch, or a switch to email just written (a failure is retried later, never now).
            next = result.Next is { } due && due < idle ? (due > now ? due : now) : idle;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            next = time.GetUtcNow() + TimeSpan.FromMinutes(1);
            SchedulingLog.DispatchFailed(logger, e, next);
        }
        // A wake on another node (a shared store) shows as the trigger set again while this ran: kept when earlier.
        var seen = wakes.Count;
        var soon = time.GetUtcNow();
        var at = seen != wakesAtStart && soon < next ? soon : next;
        if (!await StoredTriggers.FiresByAsync(context.Scheduler, DispatchWake.TriggerKey, at, ct))
            await DispatchWake.ScheduleAtAsync(context.Scheduler, at, ct);
        if (wakes.Count != seen && soon < next) await DispatchWake.ScheduleAtAsync(context.Scheduler, soon, ct);
    }
}
