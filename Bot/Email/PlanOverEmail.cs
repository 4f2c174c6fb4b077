using System.Globalization;
using System.Text;
using NokoBot.Delivery;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>The secretary's note that the plan's year is over, with the items still open.</summary>
public static class PlanOverEmail
{
    public static RenderedEmail Render(PlanOverMessage message, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = EmailTexts.PlanOverSubject(message.Year, message.CouncilName);
        var lead = EmailTexts.PlanOverLead(message.Year, message.CouncilName, message.ItemsTotal, message.Open.Count);
        var lines = message.Open.Select(i => EmailTexts.PlanOverItem(i.Number, i.Title, i.Due)).ToList();
        var footer = EmailTexts.AgendaFooter(message.CouncilName);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);

        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine().AppendLine(lead).AppendLine();
        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting)).Append(Paragraph(lead));
        if (lines.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.PlanOverOpenTitle}:");
            foreach (var line in lines) text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            text.AppendLine();
            html.Append(Heading(EmailTexts.PlanOverOpenTitle)).Append(List(lines));
        }
        text.AppendLine(EmailTexts.PlanOverNext).AppendLine().AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);
        html.Append(Paragraph(EmailTexts.PlanOverNext));
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }
}
