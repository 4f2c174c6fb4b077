using Microsoft.Extensions.DependencyInjection;

namespace NokoBot.Replies;

public static class RepliesServiceCollectionExtensions
{
    /// <summary>The reply service every channel calls. Register after storage and delivery.</summary>
    public static IServiceCollection AddReplies(this IServiceCollection services)
    {
        services.AddSingleton<ReplyService>();
        return services;
    }
}
