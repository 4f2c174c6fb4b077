using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NokoBot.Email;

namespace NokoBot.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary><c>Imap:Enabled</c>: whether the service reads the members' mailbox.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{ImapOptions.Section}:{nameof(ImapOptions.Enabled)}");

    /// <summary>The letter handler always (the benchmark drives it); with <c>Imap:Enabled</c>, the mailbox reader too.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LetterHandler>();
        if (IsEnabled(configuration)) services.AddHostedService<InboxReader>();
        return services;
    }
}
