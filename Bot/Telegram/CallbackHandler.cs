using Microsoft.Extensions.Logging;
using NokoBot.Storage;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Reminder buttons. The data only names an item and the member it was sent to; the presser is checked again —
/// a stranger, another council's item, or another member's button (unless secretary or chair) changes nothing.
/// </summary>
public sealed class CallbackHandler(
    TelegramSession session, ItemActions actions, TelegramGateway gateway, StateStore state, ILogger<CallbackHandler> logger)
{
    public async Task HandleAsync(CallbackQuery query, UpdateEffects effects, CancellationToken ct)
    {
        var view = await session.LoadAsync(query.From.Id, ct);
        if (view is null)
        {
            TelegramLog.Stranger(logger, query.From.Id);
            Toast(effects, query, "Эта кнопка не для вас: бот работает только для участников совета.");
            return;
        }
        if (!ReminderButtons.TryParse(query.Data, out var action, out var itemId, out var memberId)
            || view.Snapshot.Item(itemId) is not { } item)
        {
            TelegramLog.Refused(logger, "button", view.Member.MemberId, "unknown or stale data");
            Toast(effects, query, "Кнопка устарела: этого пункта нет в плане вашего совета.");
            return;
        }
        if (memberId != view.Member.MemberId && !view.Member.ActsOnAllItems)
        {
            TelegramLog.Refused(logger, "button", view.Member.MemberId, "addressed to another member");
            Toast(effects, query, "Эта кнопка адресована другому участнику.");
            return;
        }

        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        switch (action)
        {
            case ButtonAction.Done:
                Settle(effects, query, actions.Done(view, item, null, effects));
                break;
            case ButtonAction.PlusWeek:
                var from = view.Due(item) is { } due && due >= view.Today ? due : view.Today;
                Settle(effects, query, actions.Postpone(view, item, from.AddDays(7), "перенос кнопкой «+7 дней»", effects));
                break;
            case ButtonAction.OtherDate:
                var key = MessageHandler.AwaitDateKey(query.From.Id);
                var value = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                effects.Write((c, tx, token) => state.SetAsync(c, tx, key, value, token));
                Toast(effects, query, "Напишите дату сообщением");
                effects.Answer(token => gateway.ReplyAsync(chatId, TelegramTexts.AskDate(item.Number), null, token));
                break;
            case ButtonAction.Protocol:
                Toast(effects, query, "Пришлите файл протокола");
                effects.Answer(token => gateway.ReplyAsync(chatId, TelegramTexts.SendProtocol(item.Number), null, token));
                break;
        }
    }

    /// <summary>Answers the press and edits the reminder to show what happened, without the buttons.</summary>
    private void Settle(UpdateEffects effects, CallbackQuery query, string resultHtml)
    {
        Toast(effects, query, global::Telegram.Bot.Extensions.HtmlText.ToPlain(resultHtml));
        if (query.Message is { } message)
        {
            var original = TelegramTexts.Html(message.Text ?? "");
            effects.Answer(token => gateway.EditAsync(message.Chat.Id, message.MessageId, original + "\n\n" + resultHtml, null, token));
        }
    }

    private void Toast(UpdateEffects effects, CallbackQuery query, string text) =>
        effects.Answer(token => gateway.AnswerCallbackAsync(query.Id, text.Length <= 190 ? text : text[..189] + "…", token));
}
