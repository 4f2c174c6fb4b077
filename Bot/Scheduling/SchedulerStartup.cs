using Microsoft.Extensions.Hosting;
using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// Runs after Quartz has started: fires the first sweep at once (which says what the service serves and catches up
/// whatever fell due while the service was down) and starts the hourly health line.
/// </summary>
public sealed class SchedulerStartup(ISchedulerFactory schedulers, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        await DeliverySweepJob.ScheduleAtAsync(scheduler, now, cancellationToken);
        var health = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity("health-hourly", "nokobot").ForJob(HealthJob.Key)
            .StartAt(now.AddHours(1)).WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever())
            .Build();
        if (await scheduler.GetTrigger(health.Key, cancellationToken) is null)
            await scheduler.ScheduleJob(health, cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
