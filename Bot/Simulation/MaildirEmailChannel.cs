using MimeKit;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Email;
using NokoBot.Scheduling;

namespace NokoBot.Simulation;

/// <summary>The simulator's email: the real composer and renderers, writing each message as an .eml file instead of sending it.</summary>
public sealed class MaildirEmailChannel(string folder, EmailComposer composer, SimulationRecorder recorder) : IReminderChannel
{
    private int _count;

    public string Name => Channels.Email;

    public async Task<SendOutcome> SendReminderAsync(ReminderNotice notice, MemberContact recipient, CancellationToken ct)
    {
        if (recipient.Email is null || !MailboxAddress.TryParse(recipient.Email, out var to)) return new SendOutcome.Failed("no email address");
        to.Name = recipient.Name;
        var message = composer.Compose(notice.DeliveryKey, to, ReminderEmail.Render(notice, composer.From.Address));
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
