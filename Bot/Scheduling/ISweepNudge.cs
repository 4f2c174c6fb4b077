using Quartz;

namespace NokoBot.Scheduling;

/// <summary>Asks the scheduler to plan again now, after a reply or an event changed what is due.</summary>
public interface ISweepNudge
{
    Task NowAsync(CancellationToken ct);
}

/// <summary>
/// Counts requests for a sweep. A sweep that was already running when a request came in must not push its trigger
/// past it: it compares the count from its start with the count at its end.
/// </summary>
public sealed class SweepRequests
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>Moves the sweep's trigger to now.</summary>
public sealed class QuartzSweepNudge(ISchedulerFactory schedulers, SweepRequests requests, TimeProvider time) : ISweepNudge
{
    public async Task NowAsync(CancellationToken ct)
    {
        requests.Add();
        var scheduler = await schedulers.GetScheduler(ct);
        await ReminderSweepJob.ScheduleAtAsync(scheduler, time.GetUtcNow(), ct);
    }
}
