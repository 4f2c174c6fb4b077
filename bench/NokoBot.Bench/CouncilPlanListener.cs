using System.Collections.Concurrent;
using System.Diagnostics;
using NokoBot.Scheduling;
using Quartz;

namespace NokoBot.Bench;

/// <summary>Hears every council plan job the service's Quartz finishes: how many, and when each council's last one ended.</summary>
internal sealed class CouncilPlanListener : IJobListener
{
    private readonly ConcurrentDictionary<long, long> _finished = new();
    private long _count;

    public string Name => "bench-council-plans";

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The stopwatch timestamp at which the council's latest plan ended, if any.</summary>
    public long? FinishedAt(long councilId) => _finished.TryGetValue(councilId, out var at) ? at : null;

    public static async Task<CouncilPlanListener> AttachAsync(IScheduler scheduler)
    {
        var listener = new CouncilPlanListener();
        scheduler.ListenerManager.AddJobListener(listener, [GroupMatcher<JobKey>.GroupEquals(CouncilTriggers.Group)]);
        await Task.CompletedTask;
        return listener;
    }

    public async Task WaitForCountAsync(long count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (Count < count)
        {
            if (watch.Elapsed > timeout) throw new TimeoutException($"{Count} of {count} council plans in {timeout}");
            await Task.Delay(10);
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        _finished[context.MergedJobDataMap.GetLong(CouncilTriggers.CouncilIdKey)] = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _count);
        return ValueTask.CompletedTask;
    }
}
