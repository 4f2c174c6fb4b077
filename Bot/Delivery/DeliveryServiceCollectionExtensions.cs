using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NokoBot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The one outbox: planning, the ledger's writer, the dispatcher and its sweep. The channels register themselves
    /// as <see cref="IDeliveryChannel"/>; without a scheduler, plan changes need no telling.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            // Service:InstanceId names this process in the delivery claims; by default hostname, pid and a random suffix.
            var configuration = sp.GetRequiredService<IConfiguration>();
            var lease = int.TryParse(configuration["Service:DeliveryLeaseSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var instance = new DispatchInstance(configuration["Service:InstanceId"], lease);
            var logger = sp.GetRequiredService<ILogger<DeliveryDispatcher>>();
            DeliveryLog.Instance(logger, instance.Id, instance.Lease);
            return instance;
        });
        services.AddSingleton<InstanceHeartbeat>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<DeliverySweep>();
        services.AddSingleton<IPlanChanges, NoPlanChanges>();
        return services;
    }

    /// <summary>Where no scheduler runs (a CLI verb, the simulator), a change is seen by the next sweep anyway.</summary>
    private sealed class NoPlanChanges : IPlanChanges
    {
        public Task ChangedAsync(long councilId, CancellationToken ct) => Task.CompletedTask;
    }
}
