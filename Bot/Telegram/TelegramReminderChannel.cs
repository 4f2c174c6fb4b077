using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;

namespace NokoBot.Telegram;

/// <summary>Reminders in a member's private chat, with the answer buttons under them.</summary>
public sealed class TelegramReminderChannel(TelegramGateway gateway) : IReminderChannel
{
    public string Name => Channels.Telegram;

    public Task<SendOutcome> SendReminderAsync(ReminderNotice notice, MemberContact recipient, CancellationToken ct)
    {
        if (recipient.TelegramChatId is not { } chatId) return Task.FromResult<SendOutcome>(new SendOutcome.Unreachable("no Telegram chat"));
        var buttons = notice.Kind is ReminderKind.AskDate or ReminderKind.Escalation ? null : ReminderButtons.For(notice.ItemId, recipient.Id);
        return gateway.TrySendAsync(chatId, TelegramTexts.Reminder(notice), buttons, ct);
    }
}
