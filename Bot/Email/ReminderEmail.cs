using System.Globalization;
using System.Text;
using NokoBot.Domain.Reminders;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>Renders a reminder about one item: number, title, deadline, planned result, how to respond.</summary>
public static class ReminderEmail
{
    public static RenderedEmail Render(ReminderNotice notice, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = EmailTexts.ReminderSubject(notice.Kind, notice.ItemNumber, notice.Due, notice.DeadlineText);
        var lead = EmailTexts.ReminderLead(notice.Kind, notice.CouncilName, notice.DaysOverdue);
        var facts = new List<(string, string)>();
        if (notice.Parties.Count > 0) facts.Add((EmailTexts.PartiesLabel, string.Join(", ", notice.Parties)));
        facts.Add((EmailTexts.DeadlineLabel, EmailTexts.DeadlineValue(notice.Due, notice.DeadlineText)));
        if (!string.IsNullOrWhiteSpace(notice.Result)) facts.Add((EmailTexts.ResultLabel, notice.Result));
        var commands = EmailTexts.Commands(notice.ItemNumber);
        var footer = EmailTexts.ReminderFooter(notice.CouncilName, notice.ItemNumber);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);

        var text = new StringBuilder()
            .AppendLine(EmailTexts.Greeting).AppendLine()
            .AppendLine(lead).AppendLine();
        if (notice.Late) text.AppendLine(EmailTexts.LateNote).AppendLine();
        text.AppendLine(EmailTexts.ItemLine(notice.ItemNumber, notice.Title));
        foreach (var (label, value) in facts) text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.HowToRespondTitle}. {EmailTexts.HowToRespondLead}");
        foreach (var (command, meaning) in commands) text.AppendLine(CultureInfo.InvariantCulture, $"  {command} — {meaning}");
        text.AppendLine(EmailTexts.NoTelegram)
            .AppendLine().AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);

        var html = new StringBuilder()
            .Append(Paragraph(EmailTexts.Greeting))
            .Append(Paragraph(lead));
        if (notice.Late) html.Append(Paragraph(EmailTexts.LateNote));
        html.Append(Heading(EmailTexts.ItemLine(notice.ItemNumber, notice.Title)))
            .Append(Facts(facts))
            .Append(Heading(EmailTexts.HowToRespondTitle, 3))
            .Append(Paragraph(EmailTexts.HowToRespondLead))
            .Append("<ul style=\"margin:0 0 12px 0;padding-left:20px;\">")
            .Append(string.Concat(commands.Select(c => $"<li style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;\">{Code(c.Command)} — {E(c.Meaning)}</li>")))
            .Append("</ul>")
            .Append(Paragraph(EmailTexts.NoTelegram));

        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }
}
