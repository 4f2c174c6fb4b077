using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Delivery;
using NokoBot.Storage;
using NokoBot.Web;
using Telegram.Bot;

namespace NokoBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary><c>Telegram:Enabled</c> (default true).</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{TelegramOptions.Section}:{nameof(TelegramOptions.Enabled)}", true);

    /// <summary><c>Telegram:Mode</c> is Webhook (anything else polls, or is refused at start by the validator).</summary>
    public static bool IsWebhook(IConfiguration configuration) =>
        string.Equals(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.Mode)}"]?.Trim(), TelegramOptions.WebhookMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Telegram channel: the client, the update receiver and the delivery channel. Register after storage, delivery and replies.</summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            // One HTTP owner; its timeout covers a long poll. Retries are ours (Telegram.Bot's own 429 retry is off).
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds + 30),
            };
            return new TelegramBotClient(new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl) { RetryThreshold = 0, RetryCount = 0 }, http);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var instance = sp.GetRequiredService<DispatchInstance>();
            return new ChatRateLimiter(sp.GetRequiredService<TimeProvider>(), options.GlobalMessagesPerSecond, options.GroupMessagesPerMinute, () => instance.Live);
        });
        services.AddSingleton<TelegramGateway>();
        services.AddSingleton<IDeliveryChannel, TelegramChannel>();
        services.AddSingleton<TelegramSession>();
        services.AddSingleton<AddressHandler>();
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<CallbackHandler>();
        services.AddSingleton<DocumentHandler>();
        services.AddSingleton<PlanDeskHandler>();
        services.AddSingleton<ReportHandler>();
        services.AddSingleton<CouncilSettingsHandler>();
        services.AddSingleton(sp => new UploadGuard(sp.GetRequiredService<TimeProvider>(), Desk.PlanDesk.UploadsPerMinute));
        services.AddSingleton<GroupHandler>();
        services.AddSingleton<UpdateRouter>();
        services.AddSingleton(sp => new FloodGuard(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<UpdateProcessor>();
        if (IsWebhook(configuration))
        {
            services.AddSingleton<WebhookEndpoint>();
            services.AddSingleton<IWebEndpoints>(sp => sp.GetRequiredService<WebhookEndpoint>());
            services.AddHostedService<WebhookRegistration>();
        }
        else
        {
            services.AddSingleton(PollingLease);
            services.AddHostedService<UpdateReceiver>();
        }
        return services;
    }

    /// <summary>One poller per cluster on PostgreSQL (an advisory lock); the single process on SQLite polls as always.</summary>
    private static IPollingLease PollingLease(IServiceProvider sp)
    {
        var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider != StorageProvider.Postgres) return new SingleProcessLease();
        var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
        // A missing connection string is refused at start by the storage settings' validator, naming its variable.
        return new PostgresPollingLease(storage.ConnectionString ?? "", TimeSpan.FromSeconds(options.PollingLeaseSeconds),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresPollingLease>>());
    }
}
