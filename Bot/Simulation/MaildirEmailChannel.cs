using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Email;

namespace NokoBot.Simulation;

/// <summary>The simulator's email: the real renderers, writing each message as an .eml file instead of sending it.</summary>
/// <param name="names">Who an address on a mailing list is, for the record (the committee's digest address).</param>
public sealed class MaildirEmailChannel(string folder, EmailRenderer renderer, SimulationRecorder recorder, IReadOnlyDictionary<string, string> names)
    : IDeliveryChannel
{
    private int _count;

    public string Name => Channels.Email;

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (renderer.Render(message) is not { } mime) return new SendOutcome.Failed("no email address");
        List<(string Kind, string? Item)> entries = message switch
        {
            ReminderMessage m => [.. m.Items.Select(n => (n.Kind.ToName(), (string?)n.ItemNumber)), .. m.Offer is null ? [] : new[] { (ReminderKind.RolloverOffer.ToName(), (string?)null) }],
            DigestMessage => [(ReminderKind.Digest.ToName(), null)],
            PlanOverMessage => [(ReminderKind.PlanOver.ToName(), null)],
            MeetingMessage => [(ReminderKind.Agenda.ToName(), null)],
            RolloverOfferMessage => [(ReminderKind.RolloverOffer.ToName(), null)],
            WelcomeMessage => [(ReminderKind.Welcome.ToName(), null)],
            AnswerMessage => [(ReminderKind.Answer.ToName(), null)],
            AddressCodeMessage => [(ReminderKind.AddressCode.ToName(), null)],
            _ => [(ReminderKind.MemberNotice.ToName(), null)],
        };
        Directory.CreateDirectory(folder);
        var name = $"{++_count:D4}-{recorder.LocalNow:yyyy-MM-dd}-{entries[0].Kind}.eml";
        await mime.WriteToAsync(Path.Combine(folder, name), ct);
        recorder.Add(entries, names.GetValueOrDefault(message.To.Name, message.To.Name), Name, message.Late);
        return new SendOutcome.Sent(mime.MessageId);
    }
}
