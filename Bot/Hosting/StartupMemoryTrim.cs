using Microsoft.Extensions.Hosting;

namespace NokoBot.Hosting;

/// <summary>
/// Once the service has started and its first plans have run, collects the start-up garbage (configuration, the
/// CLI's parse, the first plans) and gives the freed memory back to the system, so the idle service does not keep
/// the start-up's peak for hours until its first collection.
/// </summary>
internal sealed class StartupMemoryTrim(IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    internal static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task.ConfigureAwait(false);
        await Task.Delay(Delay, time, stoppingToken).ConfigureAwait(false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
