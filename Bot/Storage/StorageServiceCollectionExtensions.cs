using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NokoBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The storage Storage:Provider names (SQLite by default, or PostgreSQL), every store over it, the council read model and the production calendar. Its migrations run
    /// before every other hosted service starts (the CLI applies them itself, <see cref="MigrationRunner"/>).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(_ => CalendarFile.Load(configuration["Calendar:Path"]));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<TelegramUpdateLog>();
        services.AddSingleton<CouncilStore>();
        services.AddSingleton<CouncilMailSettings>();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanDraftStore>();
        services.AddSingleton<ReplyStore>();
        services.AddSingleton<ReplyEffectWriter>();
        services.AddSingleton<CouncilEventStore>();
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<TelegramMembers>();
        services.AddSingleton<InviteStore>();
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<ProtocolFiles>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<CouncilScheduleStore>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<DispatcherInstances>();
        services.AddSingleton<InboundLetters>();
        services.AddSingleton<EmailConfirmations>();
        services.AddSingleton<DatabaseMaintenance>();
        services.AddSingleton<CouncilSnapshotStore>();
        services.AddSingleton<WebSessionStore>();
        services.AddSingleton<CalendarFeedStore>();
        services.AddSingleton<CouncilPublicPage>();
        services.AddSingleton<ProtocolDownloads>();
        services.AddHostedService<MigrationHostedService>();
        return services;
    }

    private static Database Open(StorageOptions options) => options.Provider switch
    {
        StorageProvider.Postgres => new PostgresDatabase(options.ConnectionString!, Path.GetDirectoryName(Path.GetFullPath(options.Path)) ?? "."),
        _ => new SqliteDatabase(options.Path),
    };
}

/// <summary>Brings the schema up to date in StartAsync: hosted services start in order, so nothing later sees an old schema.</summary>
internal sealed class MigrationHostedService(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
