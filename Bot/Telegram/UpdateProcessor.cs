using System.Globalization;
using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Storage;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Handles one update end to end: the router decides the effects, the writes and the next offset commit together,
/// then the answers go out. A handler that throws costs only its own update: it is logged and skipped (the offset
/// still moves), never stopping the loop.
/// </summary>
public sealed class UpdateProcessor(
    SqliteDatabase database, StateStore state, UpdateRouter router, IPlanChanges changes, FloodGuard flood, ILogger<UpdateProcessor> logger)
{
    public async Task<long> LoadOffsetAsync(CancellationToken ct) =>
        await state.GetAsync(StateKeys.TelegramOffset, ct) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;

    public async Task ProcessAsync(Update update, CancellationToken ct)
    {
        var effects = new UpdateEffects();
        try
        {
            await router.RouteAsync(update, effects, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            TelegramLog.UpdateFailed(logger, e, update.Id);
            effects = new UpdateEffects();
        }

        if (!await CommitAsync(update, effects, ct)) effects = new UpdateEffects();
        var sender = update.Message?.From?.Id ?? update.CallbackQuery?.From.Id;
        if (effects.Answers.Count > 0 && sender is { } userId && !flood.AllowAnswer(userId))
            TelegramLog.Flooding(logger, userId);
        else
            foreach (var answer in effects.Answers)
            {
                try
                {
                    await answer(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The update is committed; a lost answer must not stop the receiver.
                    TelegramLog.UpdateFailed(logger, e, update.Id);
                }
            }
        if (effects.ChangedCouncil is { } council) await changes.ChangedAsync(council, ct);
    }

    /// <returns>false when the writes failed and only the offset was committed.</returns>
    private async Task<bool> CommitAsync(Update update, UpdateEffects effects, CancellationToken ct)
    {
        var next = (update.Id + 1L).ToString(CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var write in effects.Writes) await write(connection, tx, ct);
            await state.SetAsync(connection, tx, StateKeys.TelegramOffset, next, ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TelegramLog.UpdateFailed(logger, e, update.Id);
            await state.SetAsync(connection, null, StateKeys.TelegramOffset, next, ct);
            return false;
        }
    }
}
