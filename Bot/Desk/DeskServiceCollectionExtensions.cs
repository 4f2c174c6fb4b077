using Microsoft.Extensions.DependencyInjection;

namespace NokoBot.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>The secretary's desk: plan drafts and their previews, next year's draft. Register after storage.</summary>
    public static IServiceCollection AddDesk(this IServiceCollection services)
    {
        services.AddSingleton<PlanDesk>();
        return services;
    }
}
