using System.Text;
using NokoBot.Delivery;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>The answer to a member's letter: what was recorded, or why not, in the words decided when it was read.</summary>
public static class AnswerEmail
{
    public static RenderedEmail Render(AnswerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = LetterTexts.AnswerSubject(message.Recorded, message.Items);
        var footer = LetterTexts.AnswerFooter(message.CouncilName);
        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine();
        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting));
        foreach (var line in message.Lines)
        {
            text.AppendLine(line).AppendLine();
            html.Append(Paragraph(line));
        }
        text.AppendLine("-- ").AppendLine(footer);
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, ""));
    }
}
