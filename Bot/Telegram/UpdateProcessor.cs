using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Storage;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Handles one update end to end: the router decides the effects, the writes and the update's mark (the polling
/// offset, or the webhook's update_id) commit together, then the answers go out. A handler that throws costs only its
/// own update: it is logged and skipped (the mark still commits), never stopping the loop or making Telegram resend it.
/// </summary>
public sealed class UpdateProcessor(
    Database database, StateStore state, TelegramUpdateLog updateLog, UpdateRouter router, IPlanChanges changes, FloodGuard flood,
    ILogger<UpdateProcessor> logger)
{
    private delegate Task<bool> Mark(DbConnection connection, DbTransaction? tx, CancellationToken ct);

    public async Task<long> LoadOffsetAsync(CancellationToken ct) =>
        await state.GetAsync(StateKeys.TelegramOffset, ct) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;

    /// <summary>A polled update: the next offset commits with its effects.</summary>
    public Task ProcessAsync(Update update, CancellationToken ct)
    {
        var next = (update.Id + 1L).ToString(CultureInfo.InvariantCulture);
        return HandleAsync(update, async (connection, tx, token) =>
        {
            await state.SetAsync(connection, tx, StateKeys.TelegramOffset, next, token);
            return true;
        }, ct);
    }

    /// <summary>
    /// A webhook update: its update_id commits with its effects, so a repeated delivery changes nothing.
    /// Throws only when not even the update_id could be written (nothing committed: Telegram should deliver it again).
    /// </summary>
    /// <returns>false for a repeat (already taken; nothing done, nothing answered).</returns>
    public async Task<bool> ProcessOnceAsync(Update update, CancellationToken ct)
    {
        // Checked first as well as in the transaction: a repeat must not even download a document again.
        if (await updateLog.SeenAsync(update.Id, ct)) return false;
        return await HandleAsync(update, (connection, tx, token) => updateLog.RecordAsync(connection, tx, update.Id, token), ct);
    }

    /// <returns>false when the mark said the update was taken already.</returns>
    private async Task<bool> HandleAsync(Update update, Mark mark, CancellationToken ct)
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

        switch (await CommitAsync(update, effects, mark, ct))
        {
            case Committed.Repeat:
                return false;
            case Committed.MarkOnly:
                effects = new UpdateEffects();
                break;
        }
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
        return true;
    }

    private enum Committed { All, MarkOnly, Repeat }

    private async Task<Committed> CommitAsync(Update update, UpdateEffects effects, Mark mark, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var write in effects.Writes) await write(connection, tx, ct);
            if (!await mark(connection, tx, ct))
            {
                await tx.RollbackAsync(ct);
                return Committed.Repeat;
            }
            await tx.CommitAsync(ct);
            return Committed.All;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TelegramLog.UpdateFailed(logger, e, update.Id);
            // The writes failed: the update is skipped, as a handler's failure is. This write failing too throws.
            return await mark(connection, null, ct) ? Committed.MarkOnly : Committed.Repeat;
        }
    }
}
