using System.Text;
using NokoBot.Delivery;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>The secretary's notice, by email, that a member cannot be reached somewhere any more.</summary>
public static class NoticeEmail
{
    public static RenderedEmail Render(MemberNoticeMessage message, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subject = NoticeTexts.Subject(message.Problem, message.MemberName);
        var lines = NoticeTexts.Lines(message.Problem, message.MemberName, message.Address, message.Detail, message.ByTelegram, message.ByEmail, message.CouncilName);
        var footer = EmailTexts.AgendaFooter(message.CouncilName);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);
        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine();
        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting));
        foreach (var line in lines)
        {
            text.AppendLine(line);
            html.Append(Paragraph(line));
        }
        text.AppendLine().AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }
}
