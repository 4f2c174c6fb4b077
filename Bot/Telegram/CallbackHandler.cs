using System.Globalization;
using Microsoft.Extensions.Logging;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Reminder, settings and plan desk buttons. The data only names an item and the member it was sent to; the presser is checked
/// again — a stranger, another council's item, or another member's button (unless secretary or chair) changes nothing.
/// </summary>
public sealed class CallbackHandler(
    TelegramSession session, MessageHandler messages, PlanDeskHandler desk, CouncilSettingsHandler councilSettings, TelegramGateway gateway, StateStore state, ILogger<CallbackHandler> logger)
{
    public async Task HandleAsync(CallbackQuery query, UpdateEffects effects, CancellationToken ct)
    {
        var view = await session.LoadAsync(query.From.Id, ct);
        if (view is null)
        {
            TelegramLog.Stranger(logger, query.From.Id);
            Toast(effects, query, ChatTexts.ToastStranger);
            return;
        }
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        if (SettingsButtons.TryParse(query.Data, out var hour, out var weekly))
        {
            Toast(effects, query, "✓");
            MessageHandler.Settings(view, hour is { } h ? new Domain.Commands.SettingsChange.ReminderHour(h) : new Domain.Commands.SettingsChange.WeeklySummary(weekly!.Value),
                chatId, effects, gateway);
            return;
        }
        if (CouncilSettingsButtons.TryParse(query.Data, out var setting))
        {
            if (!view.Actor.ActsOnAllItems)
            {
                TelegramLog.Refused(logger, "council settings button", view.Member.MemberId, "not a secretary or chair");
                Toast(effects, query, ChatTexts.AdminOnly);
                return;
            }
            councilSettings.Ask(query, view, setting, effects);
            return;
        }
        if (DeskButtons.TryParse(query.Data, out var deskAction, out var id, out var index))
        {
            if (!view.Actor.ActsOnAllItems)
            {
                TelegramLog.Refused(logger, "desk button", view.Member.MemberId, "not a secretary or chair");
                Toast(effects, query, ChatTexts.AdminOnly);
                return;
            }
            if (deskAction == DeskAction.Rollover)
            {
                Toast(effects, query, "✓");
                await desk.RolloverAsync(view, (int)id, chatId, effects, ct);
            }
            else
            {
                await desk.PressAsync(query, view, deskAction, id, index, effects, ct);
            }
            return;
        }
        if (!ReminderButtons.TryParse(query.Data, out var action, out var itemId, out var memberId)
            || view.Snapshot.Item(itemId) is not { } item)
        {
            TelegramLog.Refused(logger, "button", view.Member.MemberId, "unknown or stale data");
            Toast(effects, query, ChatTexts.ToastStale);
            return;
        }
        if (memberId != view.Member.MemberId && !view.Actor.ActsOnAllItems)
        {
            TelegramLog.Refused(logger, "button", view.Member.MemberId, "addressed to another member");
            Toast(effects, query, ChatTexts.ToastNotYours);
            return;
        }

        switch (action)
        {
            case ButtonAction.Done:
                Settle(effects, query, itemId, messages.Reply(view, new ReplyRequest.Done(item.Number, null), effects));
                break;
            case ButtonAction.PlusWeek:
                var from = view.Due(item) is { } due && due >= view.Today ? due : view.Today;
                Settle(effects, query, itemId, messages.Reply(view, new ReplyRequest.Postpone(item.Number, from.AddDays(7), ChatTexts.PostponedByButton), effects));
                break;
            case ButtonAction.OtherDate:
                var key = StateKeys.AwaitDate(query.From.Id);
                var value = item.Id.ToString(CultureInfo.InvariantCulture);
                effects.Write((c, tx, token) => state.SetAsync(c, tx, key, value, token));
                Toast(effects, query, ChatTexts.ToastWriteDate);
                effects.Answer(token => gateway.ReplyAsync(chatId, TelegramHtml.Render(ChatTexts.AskDate(item.Number)), null, token));
                break;
            case ButtonAction.Protocol:
                Toast(effects, query, ChatTexts.ToastSendProtocol);
                effects.Answer(token => gateway.ReplyAsync(chatId, TelegramHtml.Render(ChatTexts.SendProtocol(item.Number)), null, token));
                break;
        }
    }

    /// <summary>Answers the press and edits the reminder to show what happened; that item's buttons go, the others stay.</summary>
    private void Settle(UpdateEffects effects, CallbackQuery query, long itemId, string result)
    {
        Toast(effects, query, result);
        if (query.Message is { } message)
        {
            var html = TelegramHtml.Plain(message.Text ?? "") + "\n\n" + TelegramHtml.Render(result);
            var keyboard = ReminderButtons.Without(message.ReplyMarkup, itemId);
            effects.Answer(token => gateway.EditAsync(message.Chat.Id, message.MessageId, html, keyboard, token));
        }
    }

    private void Toast(UpdateEffects effects, CallbackQuery query, string text) =>
        effects.Answer(token => gateway.AnswerCallbackAsync(query.Id, text.Length <= 190 ? text : text[..189] + "…", token));
}
