using NokoBot.Delivery;
using NokoBot.Meetings;
using NokoBot.Scheduling;

namespace NokoBot.Telegram;

/// <summary>Meeting agendas, updates, cancellations and the morning reminder in members' chats.</summary>
public sealed class TelegramMeetingChannel(TelegramGateway gateway) : IMeetingChannel
{
    public string Name => Channels.Telegram + "-meeting";

    public bool Reaches(MemberContact member) => member.CanUseTelegram;

    public Task<SendOutcome> SendAsync(MeetingNotice notice, MemberContact member, CancellationToken ct) =>
        gateway.TrySendAsync(member.TelegramChatId!.Value, TelegramTexts.Meeting(notice), null, ct);
}
