using System.Globalization;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;
using NokoBot.Texts;

namespace NokoBot.Simulation;

/// <summary>The simulator's Telegram: appends each message, as the member would read it, to a transcript file.</summary>
public sealed class TranscriptTelegramChannel(TextWriter transcript, SimulationRecorder recorder) : IReminderChannel
{
    public string Name => Channels.Telegram;

    public async Task<SendOutcome> SendReminderAsync(ReminderNotice notice, MemberContact recipient, CancellationToken ct)
    {
        var at = recorder.LocalNow.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        await transcript.WriteLineAsync($"── {at} → {recipient.Name} (Telegram, чат {recipient.TelegramChatId})");
        await transcript.WriteLineAsync(ReminderTexts.PlainText(notice));
        if (notice.Kind is not (ReminderKind.AskDate or ReminderKind.Escalation))
            await transcript.WriteLineAsync("[Готово] [+7 дней] [Другая дата] [Протокол]");
        await transcript.WriteLineAsync();
        recorder.Add(notice.Kind.ToName(), notice.ItemNumber, recipient.Name, Name, notice.Late);
        return new SendOutcome.Sent(null);
    }
}
