using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Texts;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NokoBot.Telegram;

/// <summary>
/// Our own getUpdates long-polling loop (Telegram.Bot's receiver moves the offset before handling): each update is
/// handled and its offset committed with its effects, one at a time, so a restart resumes exactly where it stopped.
/// </summary>
public sealed class UpdateReceiver(
    ITelegramBotClient bot, UpdateProcessor processor, IOptions<TelegramOptions> options, TimeProvider time, ILogger<UpdateReceiver> logger)
    : BackgroundService
{
    /// <summary>The updates NokoBot handles, asked for by getUpdates and by setWebhook alike.</summary>
    internal static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    private static readonly BotCommand[] Commands = [.. CommandTable.Menu.Select(c => new BotCommand { Command = c.Command, Description = c.Description })];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RegisterCommandsAsync(bot, logger, stoppingToken);
        var offset = await processor.LoadOffsetAsync(stoppingToken);
        TelegramLog.ReceiverStarted(logger, offset);
        var failures = 0;
        var noWebhook = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                // getUpdates is refused while a webhook is set (say, the service ran in Webhook mode before).
                noWebhook = noWebhook || await RemoveWebhookAsync(stoppingToken);
                updates = await bot.GetUpdates((int)offset, 100, options.Value.PollTimeoutSeconds, Wanted, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Network trouble or a 5xx/429 from the server: wait, then poll again; the offset is safe in SQLite.
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(++failures, 6))));
                TelegramLog.PollFailed(logger, e, delay);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }
            foreach (var update in updates.Where(u => u.Id >= offset).OrderBy(u => u.Id))
            {
                await processor.ProcessAsync(update, stoppingToken);
                offset = update.Id + 1L;
            }
        }
    }

    /// <summary>Deletes the webhook only when getWebhookInfo says one is set, keeping the updates Telegram holds.</summary>
    private async Task<bool> RemoveWebhookAsync(CancellationToken ct)
    {
        var info = await bot.GetWebhookInfo(ct);
        if (string.IsNullOrEmpty(info.Url)) return true;
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct);
        TelegramLog.WebhookDeleted(logger);
        return true;
    }

    /// <summary>The command menu, in either mode; a failure only leaves the menu as it was.</summary>
    internal static async Task RegisterCommandsAsync(ITelegramBotClient bot, ILogger logger, CancellationToken ct)
    {
        try
        {
            await bot.SetMyCommands(Commands, cancellationToken: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TelegramLog.CommandsNotSet(logger, e);
        }
    }
}
