using System.Globalization;
using Microsoft.Extensions.Logging;
using NokoBot.Storage;
using NokoBot.Texts;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Group chats: only «/linkgroup» from the council's secretary or chair, which makes the group receive meeting
/// agendas. Nothing else is answered in a group, so no plan data reaches people who are not linked.
/// </summary>
public sealed class GroupHandler(TelegramSession session, TelegramGateway gateway, StateStore state, ILogger<GroupHandler> logger)
{
    public async Task HandleAsync(Message message, UpdateEffects effects, CancellationToken ct)
    {
        var text = message.Text?.Trim() ?? "";
        if (!text.StartsWith("/linkgroup", StringComparison.OrdinalIgnoreCase)) return;
        var chatId = message.Chat.Id;
        var view = await session.LoadAsync(message.From!.Id, ct);
        if (view is null || !view.Actor.ActsOnAllItems)
        {
            TelegramLog.Refused(logger, "/linkgroup", view?.Member.MemberId ?? 0, "not a secretary or chair");
            effects.Answer(token => gateway.ReplyAsync(chatId, TelegramHtml.Render(ChatTexts.AdminOnly), null, token));
            return;
        }
        var value = chatId.ToString(CultureInfo.InvariantCulture);
        effects.Change(view.Member.CouncilId, (c, tx, token) => state.SetAsync(c, tx, StateKeys.TelegramGroup(view.Member.CouncilId), value, token));
        effects.Answer(token => gateway.ReplyAsync(chatId, TelegramHtml.Render(ChatTexts.GroupLinked(view.Snapshot.Council.Name)), null, token));
    }
}
