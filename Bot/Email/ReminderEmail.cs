using System.Globalization;
using System.Text;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>
/// Renders the reminders due for one person at one moment as one letter: per item its number, title, deadline and
/// planned result, soonest first, then how to respond.
/// </summary>
public static class ReminderEmail
{
    /// <param name="repliesByEmail">The mailbox is read (<c>Imap:Enabled</c>): the letter says how to answer it; else, the bot in Telegram.</param>
    public static RenderedEmail Render(ReminderMessage message, string fromAddress, bool repliesByEmail = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var items = message.Items;
        var subject = EmailTexts.BundleSubject(items, message.CouncilName);
        var lead = items.Count == 1
            ? EmailTexts.ReminderLead(items[0].Kind, message.CouncilName, items[0].DaysOverdue)
            : EmailTexts.BundleLead(message.CouncilName, items.Count);
        var footer = EmailTexts.ReminderFooter(message.CouncilName, [.. items.Select(i => i.ItemNumber)]);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);

        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine().AppendLine(lead).AppendLine();
        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting)).Append(Paragraph(lead));
        if (message.Late)
        {
            text.AppendLine(EmailTexts.LateNote).AppendLine();
            html.Append(Paragraph(EmailTexts.LateNote));
        }
        foreach (var notice in items)
        {
            var facts = Facts(notice);
            var title = items.Count == 1 ? EmailTexts.ItemLine(notice.ItemNumber, notice.Title) : ReminderTexts.Headline(notice);
            text.AppendLine(title);
            if (items.Count > 1) text.AppendLine(EmailTexts.ItemLine(notice.ItemNumber, notice.Title));
            foreach (var (label, value) in facts) text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
            text.AppendLine();
            html.Append(Heading(title));
            if (items.Count > 1) html.Append(Paragraph(EmailTexts.ItemLine(notice.ItemNumber, notice.Title)));
            html.Append(EmailHtml.Facts(facts));
        }
        if (message.Offer is { } offer)
        {
            // Next year's offer rode with these reminders: its words, and where to act on them.
            foreach (var line in DeskTexts.RolloverOffer(offer.Year, offer.CouncilName, offer.Carried, offer.Unfinished).Lines.Append(new TextLine(DeskTexts.RolloverOfferByEmail(offer.Year))))
            {
                text.AppendLine(line.Text).AppendLine();
                html.Append(line.Strong ? Heading(line.Text) : Paragraph(line.Text));
            }
        }
        var (how, commands) = HowToRespond(items.Count == 1 ? null : "N", repliesByEmail, items.Count == 1 ? items[0].ItemNumber : "N");
        var last = repliesByEmail ? LetterTexts.HowToStop : EmailTexts.NoTelegram;
        text.AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.HowToRespondTitle}. {how}");
        foreach (var (command, meaning) in commands) text.AppendLine(CultureInfo.InvariantCulture, $"  {command} — {meaning}");
        text.AppendLine(last).AppendLine().AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);

        html.Append(Heading(EmailTexts.HowToRespondTitle, 3))
            .Append(Paragraph(how))
            .Append(CommandList(commands))
            .Append(Paragraph(last));
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }

    /// <summary>
    /// How to answer: by replying to the letter when the mailbox is read (<paramref name="emailNumber"/>: the item to
    /// name, null when the letter is about one), else through the bot in Telegram.
    /// </summary>
    public static (string Lead, IReadOnlyList<(string Command, string Meaning)> Commands) HowToRespond(
        string? emailNumber, bool repliesByEmail, string telegramNumber = "N") =>
        repliesByEmail ? (LetterTexts.HowToAnswerLead, LetterTexts.Answers(emailNumber)) : (EmailTexts.HowToRespondLead, EmailTexts.Commands(telegramNumber));

    private static List<(string, string)> Facts(ReminderNotice notice)
    {
        var facts = new List<(string, string)>();
        if (notice.Parties.Count > 0) facts.Add((EmailTexts.PartiesLabel, string.Join(", ", notice.Parties)));
        facts.Add((EmailTexts.DeadlineLabel, EmailTexts.DeadlineValue(notice.Due, notice.DeadlineText)));
        if (!string.IsNullOrWhiteSpace(notice.Result)) facts.Add((EmailTexts.ResultLabel, notice.Result));
        return facts;
    }
}
