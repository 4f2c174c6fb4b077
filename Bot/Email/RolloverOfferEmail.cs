using System.Text;
using NokoBot.Delivery;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>The secretary's offer, from 1 December, to draft next year's plan (by email: where to do it).</summary>
public static class RolloverOfferEmail
{
    public static RenderedEmail Render(RolloverOfferMessage message, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(message);
        var words = DeskTexts.RolloverOffer(message.Year, message.CouncilName, message.Carried, message.Unfinished);
        var subject = words.Lines[0].Text;
        var paragraphs = words.Lines.Skip(1).Select(l => l.Text).Append(DeskTexts.RolloverOfferByEmail(message.Year)).ToList();
        var footer = EmailTexts.AgendaFooter(message.CouncilName);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);
        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine();
        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting));
        foreach (var paragraph in paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
            html.Append(Paragraph(paragraph));
        }
        text.AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }
}
