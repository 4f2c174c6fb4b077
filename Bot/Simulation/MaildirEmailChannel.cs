using MimeKit;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;
using NokoBot.Texts;

namespace NokoBot.Simulation;

/// <summary>The simulator's email: writes each message as an .eml file instead of sending it.</summary>
public sealed class MaildirEmailChannel(string folder, SimulationRecorder recorder) : IReminderChannel
{
    private int _count;

    public string Name => Channels.Email;

    public async Task<SendOutcome> SendReminderAsync(ReminderNotice notice, MemberContact recipient, CancellationToken ct)
    {
        if (recipient.Email is null) return new SendOutcome.Failed("no email address");
        var message = new MimeMessage { Subject = ReminderTexts.Headline(notice), Date = recorder.LocalNow };
        message.From.Add(new MailboxAddress("NokoBot", "nokobot@example.invalid"));
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        message.Body = new TextPart("plain") { Text = ReminderTexts.PlainText(notice) };
        await WriteAsync(message, notice.Kind.ToName(), ct);
        recorder.Add(notice.Kind.ToName(), notice.ItemNumber, recipient.Name, Name, notice.Late);
        return new SendOutcome.Sent(message.MessageId);
    }

    public async Task WriteAsync(MimeMessage message, string kind, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var name = $"{++_count:D4}-{recorder.LocalNow:yyyy-MM-dd}-{kind}.eml";
        await message.WriteToAsync(Path.Combine(folder, name), ct);
    }
}
