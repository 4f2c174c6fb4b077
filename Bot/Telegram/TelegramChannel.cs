using NokoBot.Delivery;
using NokoBot.Texts;

namespace NokoBot.Telegram;

/// <summary>
/// Every message in Telegram for the dispatcher: reminders in the member's private chat with a row of answer buttons
/// per item, the year's-end note, meeting notices (also to the council's group), the secretary's notices about members.
/// </summary>
public sealed class TelegramChannel(TelegramGateway gateway) : IDeliveryChannel
{
    public string Name => Channels.Telegram;

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.To.TelegramChatId is not { } chatId) return Task.FromResult<SendOutcome>(new SendOutcome.Unreachable("no Telegram chat"));
        return message switch
        {
            ReminderMessage { Offer: { } offer } m => gateway.TrySendAsync(chatId,
                TelegramHtml.Render(ChatTexts.Reminders(m.Items, m.Late).Append("").Append(DeskTexts.RolloverOffer(offer.Year, offer.CouncilName, offer.Carried, offer.Unfinished))),
                DeskButtons.WithOffer(m.To.MemberId is { } id ? ReminderButtons.For(m.Items, id) : null, offer.Year), ct),
            ReminderMessage m => gateway.TrySendAsync(chatId, TelegramHtml.Render(ChatTexts.Reminders(m.Items, m.Late)),
                m.To.MemberId is { } memberId ? ReminderButtons.For(m.Items, memberId) : null, ct),
            PlanOverMessage m => gateway.TrySendAsync(chatId,
                TelegramHtml.Render(ChatTexts.PlanOver(m.Year, m.CouncilName, m.ItemsTotal, [.. m.Open.Select(i => (i.Number, i.Title, i.Due))])), null, ct),
            RolloverOfferMessage m => gateway.TrySendAsync(chatId, TelegramHtml.Render(DeskTexts.RolloverOffer(m.Year, m.CouncilName, m.Carried, m.Unfinished)),
                DeskButtons.Offer(m.Year), ct),
            MeetingMessage m => gateway.TrySendAsync(chatId, TelegramHtml.Render(ChatTexts.Meeting(m.Kind, m.Meeting, m.CouncilName, m.ClosedItems)), null, ct),
            MemberNoticeMessage m => gateway.TrySendAsync(chatId, TelegramHtml.Render(ChatTexts.MemberNotice(m.Problem, m.MemberName, m.Address, m.Detail, m.ByTelegram, m.ByEmail, m.CouncilName)), null, ct),
            _ => Task.FromResult<SendOutcome>(new SendOutcome.Failed("not a Telegram message: " + message.GetType().Name)),
        };
    }
}
