using System.Text;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>The code that confirms an address a Telegram member gave, sent to that address.</summary>
public static class AddressCodeEmail
{
    public static RenderedEmail Render(AddressCodeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = LetterTexts.CodeSubject(message.CouncilName);
        var lead = LetterTexts.CodeLead(message.MemberName, message.CouncilName);
        var until = CouncilClock.ToLocal(message.ValidUntil, TimeZoneInfo.FindSystemTimeZoneById(message.TimeZone));
        var how = LetterTexts.CodeHow(message.Code, until);
        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine().AppendLine(lead).AppendLine()
            .AppendLine(LetterTexts.CodeLine(message.Code)).AppendLine(how).AppendLine().AppendLine(LetterTexts.CodeNotYou);
        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting)).Append(Paragraph(lead))
            .Append(Heading(LetterTexts.CodeLine(message.Code))).Append(Paragraph(how)).Append(Paragraph(LetterTexts.CodeNotYou));
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), LetterTexts.CodeNotYou, ""));
    }
}
