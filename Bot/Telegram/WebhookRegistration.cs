using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace NokoBot.Telegram;

/// <summary>
/// Webhook mode's start: the command menu, then setWebhook with the secret and the same update kinds polling asks for.
/// Pending updates are kept (drop_pending_updates false): they are the members' replies. A failure is retried with
/// back-off rather than stopping the service, which still sends reminders meanwhile.
/// </summary>
public sealed class WebhookRegistration(
    ITelegramBotClient bot, IOptions<TelegramOptions> options, TimeProvider time, ILogger<WebhookRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await UpdateReceiver.RegisterCommandsAsync(bot, logger, stoppingToken);
        var o = options.Value;
        for (var failures = 1; !stoppingToken.IsCancellationRequested; failures++)
        {
            try
            {
                await bot.SetWebhook(o.WebhookUrl!, allowedUpdates: UpdateReceiver.Wanted, dropPendingUpdates: false,
                    secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
                TelegramLog.WebhookSet(logger, o.WebhookPath);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                TelegramLog.WebhookNotSet(logger, e, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }
}
