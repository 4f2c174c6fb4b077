using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// The dispatch's one trigger: brought forward when deliveries are written, never pushed back by a wake. Counts wakes,
/// so a dispatch that was running when one came in does not push its trigger past it.
/// </summary>
public sealed class DispatchWake
{
    public static readonly TriggerKey TriggerKey = new("dispatch-next", "nokobot");

    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Makes the dispatch run by <paramref name="at"/>.</summary>
    public async Task WakeAsync(IScheduler scheduler, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        Interlocked.Increment(ref _count);
        if (await scheduler.GetTrigger(TriggerKey, ct) is { NextFireTimeUtc: { } next } && next <= at) return;
        await ScheduleAtAsync(scheduler, at, ct);
    }

    /// <summary>Points the dispatch's trigger at <paramref name="at"/> (creating it the first time).</summary>
    public static async Task ScheduleAtAsync(IScheduler scheduler, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        // FireNow on misfire: pending rows wait in the ledger, so a late dispatch sends them all at once.
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(TriggerKey).ForJob(DispatchJob.Key).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        if (await scheduler.GetTrigger(TriggerKey, ct) is not null)
        {
            await scheduler.RescheduleJob(TriggerKey, trigger, ct);
            return;
        }
        try
        {
            await scheduler.ScheduleJob(trigger, cancellationToken: ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // In a cluster another instance starting at the same moment created it between the look and the add.
            await scheduler.RescheduleJob(TriggerKey, trigger, ct);
        }
    }
}
