using Microsoft.Extensions.DependencyInjection;

namespace NokoBot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The one outbox: planning, the ledger's writer, the dispatcher and its sweep. The channels register themselves
    /// as <see cref="IDeliveryChannel"/>; without a scheduler, plan changes need no telling.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
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
