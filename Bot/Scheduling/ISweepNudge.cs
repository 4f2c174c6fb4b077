using Quartz;

namespace NokoBot.Scheduling;

/// <summary>Asks the scheduler to plan again now, after a reply or an event changed what is due.</summary>
public interface ISweepNudge
{
    Task NowAsync(CancellationToken ct);
}

/// <summary>Moves the sweep's trigger to now.</summary>
public sealed class QuartzSweepNudge(ISchedulerFactory schedulers, TimeProvider time) : ISweepNudge
{
    public async Task NowAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await ReminderSweepJob.ScheduleAtAsync(scheduler, time.GetUtcNow(), ct);
    }
}
