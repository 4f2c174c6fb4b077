using System.Globalization;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Texts;

namespace NokoBot.Simulation;

/// <summary>The simulator's Telegram: appends each message, as the member would read it, to a transcript file.</summary>
public sealed class TranscriptTelegramChannel(TextWriter transcript, SimulationRecorder recorder) : IDeliveryChannel
{
    public string Name => Channels.Telegram;

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (text, entries, buttons) = message switch
        {
            ReminderMessage { Offer: { } offer } m => (ChatTexts.Reminders(m.Items, m.Late).Append("").Append(DeskTexts.RolloverOffer(offer.Year, offer.CouncilName, offer.Carried, offer.Unfinished)),
                [.. m.Items.Select(n => (n.Kind.ToName(), (string?)n.ItemNumber)), (ReminderKind.RolloverOffer.ToName(), null)],
                [.. ReminderButtonLines(m), $"[{DeskTexts.ButtonRollover(offer.Year)}]"]),
            ReminderMessage m => (ChatTexts.Reminders(m.Items, m.Late),
                m.Items.Select(n => (n.Kind.ToName(), (string?)n.ItemNumber)).ToList(),
                ReminderButtonLines(m)),
            PlanOverMessage m => (ChatTexts.PlanOver(m.Year, m.CouncilName, m.ItemsTotal, [.. m.Open.Select(i => (i.Number, i.Title, i.Due))]),
                [(ReminderKind.PlanOver.ToName(), null)], []),
            RolloverOfferMessage m => (DeskTexts.RolloverOffer(m.Year, m.CouncilName, m.Carried, m.Unfinished),
                [(ReminderKind.RolloverOffer.ToName(), null)], [$"[{DeskTexts.ButtonRollover(m.Year)}]"]),
            MeetingMessage m => (ChatTexts.Meeting(m.Kind, m.Meeting, m.CouncilName, m.ClosedItems), [(ReminderKind.Agenda.ToName(), null)], new List<string>()),
            MemberNoticeMessage m => (ChatTexts.MemberNotice(m.Problem, m.MemberName, m.Address, m.Detail, m.ByTelegram, m.ByEmail, m.CouncilName),
                [(ReminderKind.MemberNotice.ToName(), null)], []),
            _ => (null, [], []),
        };
        if (text is null) return new SendOutcome.Failed("not a Telegram message");
        await transcript.WriteLineAsync(SimulationTexts.TranscriptHeader(recorder.LocalNow.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture), message.To.Name, message.To.TelegramChatId));
        await transcript.WriteLineAsync(text.Plain);
        foreach (var row in buttons) await transcript.WriteLineAsync(row);
        await transcript.WriteLineAsync();
        recorder.Add(entries, message.To.Name, Name, message.Late);
        return new SendOutcome.Sent(null);
    }

    private static List<string> ReminderButtonLines(ReminderMessage m) =>
        [.. m.Items.Where(n => n.Kind is not (ReminderKind.AskDate or ReminderKind.Escalation)).DistinctBy(n => n.ItemId)
            .Select(n => SimulationTexts.Buttons(n.ItemNumber, m.Items.Count > 1))];
}
