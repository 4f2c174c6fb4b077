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
/// It polls only while it holds the <see cref="IPollingLease"/>: always on SQLite, in a cluster on PostgreSQL only on
/// the one process holding the advisory lock.
/// </summary>
public sealed class UpdateReceiver(
    ITelegramBotClient bot, UpdateProcessor processor, IPollingLease lease, IOptions<TelegramOptions> options, TimeProvider time,
    ILogger<UpdateReceiver> logger)
    : BackgroundService
{
    /// <summary>The updates NokoBot handles, asked for by getUpdates and by setWebhook alike.</summary>
    internal static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    private static readonly BotCommand[] Commands = [.. CommandTable.Menu.Select(c => new BotCommand { Command = c.Command, Description = c.Description })];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // In a cluster only the lease's holder polls; the others wait here, and take over when it dies.
                await using var hold = await lease.AcquireAsync(stoppingToken);
                using var polling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
                try
                {
                    await PollAsync(polling.Token, stoppingToken);
                }
                catch (OperationCanceledException) when (polling.IsCancellationRequested)
                {
                    // The lease was lost mid-call (or the service is stopping: the loop ends).
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Polls until <paramref name="polling"/> ends (the lease lost, or the service stopping). The offset is read
    /// afresh each time: another process may have moved it while it held the lease. An update being handled is
    /// finished under <paramref name="stoppingToken"/> alone: its effects and its offset commit together or not at all.
    /// </summary>
    private async Task PollAsync(CancellationToken polling, CancellationToken stoppingToken)
    {
        await RegisterCommandsAsync(bot, logger, polling);
        var offset = await processor.LoadOffsetAsync(polling);
        TelegramLog.ReceiverStarted(logger, offset);
        var failures = 0;
        var noWebhook = false;
        while (!polling.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                // getUpdates is refused while a webhook is set (say, the service ran in Webhook mode before).
                noWebhook = noWebhook || await RemoveWebhookAsync(polling);
                updates = await bot.GetUpdates((int)offset, 100, options.Value.PollTimeoutSeconds, Wanted, polling);
                failures = 0;
            }
            catch (OperationCanceledException) when (polling.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Network trouble or a 5xx/429 from the server: wait, then poll again; the offset is safe in the database.
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(++failures, 6))));
                TelegramLog.PollFailed(logger, e, delay);
                try
                {
                    await Task.Delay(delay, time, polling);
                }
                catch (OperationCanceledException) when (polling.IsCancellationRequested)
                {
                    break;
                }
                continue;
            }
            foreach (var update in updates.Where(u => u.Id >= offset).OrderBy(u => u.Id))
            {
                await processor.ProcessAsync(update, stoppingToken);
                offset = update.Id + 1L;
                if (polling.IsCancellationRequested) break;
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
