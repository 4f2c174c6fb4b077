using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NokoBot.Delivery;
using Quartz;

namespace NokoBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz for <c>nokobot run</c>: the sweep's one trigger, each council's digest cron, the hourly health line; plan
    /// changes bring the sweep forward. Register after storage and delivery.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton<SweepRequests>();
        services.AddSingleton<DigestSchedule>();
        services.Replace(ServiceDescriptor.Singleton<IPlanChanges, QuartzPlanChanges>());

        services.AddQuartz(q =>
        {
            q.AddJob<DeliverySweepJob>(j => j.WithIdentity(DeliverySweepJob.Key).StoreDurably());
            q.AddJob<HealthJob>(j => j.WithIdentity(HealthJob.Key).StoreDurably());
            q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).StoreDurably());
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<SchedulerStartup>();
        return services;
    }
}
