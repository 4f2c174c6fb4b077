using System.Globalization;
using System.Text;
using NokoBot.Delivery;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>The first letter to a member given an address: what will come, their open items, how to answer and to stop.</summary>
public static class WelcomeEmail
{
    public static RenderedEmail Render(WelcomeMessage message, string fromAddress, bool repliesByEmail)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = LetterTexts.WelcomeSubject(message.CouncilName);
        var lead = LetterTexts.WelcomeLead(message.To.Name, message.CouncilName, message.Parties);
        var footer = LetterTexts.WelcomeFooter(message.CouncilName);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);
        var open = message.Open.Select(i => LetterTexts.OpenItem(i.Number, i.Title, i.Due)).ToList();

        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine().AppendLine(lead).AppendLine().AppendLine(LetterTexts.WelcomeWhat).AppendLine();
        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting)).Append(Paragraph(lead)).Append(Paragraph(LetterTexts.WelcomeWhat));
        if (open.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{LetterTexts.WelcomeOpenTitle}:");
            foreach (var line in open) text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            text.AppendLine();
            html.Append(Heading(LetterTexts.WelcomeOpenTitle)).Append(List(open));
        }
        else
        {
            text.AppendLine(LetterTexts.WelcomeNothingOpen).AppendLine();
            html.Append(Paragraph(LetterTexts.WelcomeNothingOpen));
        }
        var (lead2, commands) = ReminderEmail.HowToRespond(null, repliesByEmail);
        text.AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.HowToRespondTitle}. {lead2}");
        foreach (var (command, meaning) in commands) text.AppendLine(CultureInfo.InvariantCulture, $"  {command} — {meaning}");
        text.AppendLine(LetterTexts.HowToStop).AppendLine().AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);
        html.Append(Heading(EmailTexts.HowToRespondTitle, 3)).Append(Paragraph(lead2)).Append(CommandList(commands)).Append(Paragraph(LetterTexts.HowToStop));
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }
}
