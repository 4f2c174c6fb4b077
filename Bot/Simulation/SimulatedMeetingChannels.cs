using System.Globalization;
using MimeKit;
using NokoBot.Delivery;
using NokoBot.Email;
using NokoBot.Meetings;
using NokoBot.Scheduling;
using NokoBot.Telegram;

namespace NokoBot.Simulation;

/// <summary>The simulator's meeting messages in the Telegram transcript.</summary>
public sealed class TranscriptMeetingChannel(TextWriter transcript, SimulationRecorder recorder) : IMeetingChannel
{
    public string Name => Channels.Telegram + "-meeting";

    public bool Reaches(MemberContact member) => member.CanUseTelegram;

    public async Task<SendOutcome> SendAsync(MeetingNotice notice, MemberContact member, CancellationToken ct)
    {
        await transcript.WriteLineAsync($"── {recorder.LocalNow.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} → {member.Name} (Telegram, чат {member.TelegramChatId})");
        await transcript.WriteLineAsync(global::Telegram.Bot.Extensions.HtmlText.ToPlain(TelegramTexts.Meeting(notice)));
        await transcript.WriteLineAsync();
        recorder.Add("agenda", null, member.Name, Channels.Telegram, late: false);
        return new SendOutcome.Sent(null);
    }
}

/// <summary>The simulator's meeting invitations: the real agenda email with its .ics, written as .eml files.</summary>
public sealed class MaildirMeetingChannel(MaildirEmailChannel mail, EmailComposer composer, SimulationRecorder recorder) : IMeetingChannel
{
    public string Name => Channels.Email + "-meeting";

    public bool Reaches(MemberContact member) => !string.IsNullOrWhiteSpace(member.Email);

    public async Task<SendOutcome> SendAsync(MeetingNotice notice, MemberContact member, CancellationToken ct)
    {
        var from = composer.From;
        var ics = MeetingCalendar.Build(notice.Meeting, notice.CouncilName, notice.TimeZone, from.Address, from.Name ?? "", [member.Email!], recorder.LocalNow);
        var message = composer.Compose(notice.DeliveryKey, new MailboxAddress(member.Name, member.Email!),
            MeetingEmail.Render(notice.Meeting, notice.CouncilName, notice.TimeZone, from.Address), MeetingEmail.IcsAttachment(ics, notice.Meeting.Cancelled));
        await mail.WriteAsync(message, "agenda", ct);
        recorder.Add("agenda", null, member.Name, Channels.Email, late: false);
        return new SendOutcome.Sent(message.MessageId);
    }
}
