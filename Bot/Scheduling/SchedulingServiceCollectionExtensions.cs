using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NokoBot.Delivery;
using NokoBot.Email;
using NokoBot.Meetings;
using NokoBot.Storage;
using Quartz;

namespace NokoBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The reminder pipeline and Quartz: register after storage, before the channels' receivers.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => CalendarFile.Load(configuration["Calendar:Path"]));
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<CouncilSnapshotStore>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<MemberChannels>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<CouncilStore>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<AgendaService>();
        services.AddSingleton<MeetingDispatcher>();
        services.AddSingleton<ProtocolFiles>();
        services.AddSingleton<MeetingProtocols>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<SweepRequests>();
        services.AddSingleton<ISweepNudge, QuartzSweepNudge>();

        services.AddQuartz(q =>
        {
            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key).StoreDurably());
            q.AddJob<HealthJob>(j => j.WithIdentity(HealthJob.Key).StoreDurably());
            if (EmailServiceCollectionExtensions.IsEnabled(configuration))
                q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).StoreDurably());
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<SchedulerStartup>();
        return services;
    }
}
