using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NokoBot.Delivery;
using Quartz;

namespace NokoBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz for <c>nokobot run</c>: a trigger per council (its own planning), the dispatch's one trigger, each
    /// council's digest cron, the check for new councils, the hourly health line; a plan change re-plans its council.
    /// Register after storage and delivery.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddSingleton<PlanRequests>();
        services.AddSingleton<DispatchWake>();
        services.AddSingleton<DigestSchedule>();
        services.Replace(ServiceDescriptor.Singleton<IPlanChanges, QuartzPlanChanges>());

        services.AddQuartz(q =>
        {
            q.AddJob<DispatchJob>(j => j.WithIdentity(DispatchJob.Key).StoreDurably());
            q.AddJob<CouncilWatchJob>(j => j.WithIdentity(CouncilWatchJob.Key).StoreDurably());
            q.AddJob<HealthJob>(j => j.WithIdentity(HealthJob.Key).StoreDurably());
            q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).StoreDurably());
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<SchedulerStartup>();
        return services;
    }
}
