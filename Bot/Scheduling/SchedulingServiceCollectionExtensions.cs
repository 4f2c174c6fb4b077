using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NokoBot.Delivery;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz for <c>nokobot run</c>: a trigger per council (its own planning), the dispatch's one trigger, each
    /// council's digest cron, the check for new councils, the hourly health line; a plan change re-plans its council.
    /// In memory with SQLite; with <c>Storage:Provider=Postgres</c> a clustered store in that database
    /// (<see cref="QuartzStore"/>). Register after storage and delivery.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PlanRequests>();
        services.AddSingleton<DispatchWake>();
        services.AddSingleton<DigestSchedule>();
        services.Replace(ServiceDescriptor.Singleton<IPlanChanges, QuartzPlanChanges>());
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();

        // The store is chosen while registering, so the settings are read here (and validated again at start).
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        services.AddQuartz(q =>
        {
            QuartzStore.Configure(q, storage, cluster);
            AddJobs(q);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<SchedulerStartup>();
        return services;
    }

    /// <summary>The durable jobs; the dispatch asks for recovery, so a run cut short by a node's death runs elsewhere.</summary>
    private static void AddJobs(IQuartzBuilder q)
    {
        ArgumentNullException.ThrowIfNull(q);
        q.AddJob<DispatchJob>(j => j.WithIdentity(DispatchJob.Key).StoreDurably().RequestRecovery());
        q.AddJob<CouncilWatchJob>(j => j.WithIdentity(CouncilWatchJob.Key).StoreDurably());
        q.AddJob<HealthJob>(j => j.WithIdentity(HealthJob.Key).StoreDurably());
        q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).StoreDurably());
    }
}
