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
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    private static readonly BotCommand[] Commands = [.. CommandTable.Menu.Select(c => new BotCommand { Command = c.Command, Description = c.Description })];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RegisterCommandsAsync(stoppingToken);
        var offset = await processor.LoadOffsetAsync(stoppingToken);
        TelegramLog.ReceiverStarted(logger, offset);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
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

    private async Task RegisterCommandsAsync(CancellationToken ct)
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
