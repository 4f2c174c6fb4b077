using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NokoBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>SQLite storage; its migrations run before every other hosted service starts.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
        services.AddHostedService<MigrationHostedService>();
        return services;
    }
}

/// <summary>Brings the schema up to date in StartAsync: hosted services start in order, so nothing later sees an old schema.</summary>
internal sealed class MigrationHostedService(SqliteDatabase database, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => new MigrationRunner(database, time).ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
