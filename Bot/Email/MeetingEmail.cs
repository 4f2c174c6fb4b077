using NokoBot.Texts;
using System.Globalization;
using System.Text;
using MimeKit;
using NokoBot.Domain.Meetings;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>The agenda email of a meeting, with its <c>.ics</c> invitation attached.</summary>
public static class MeetingEmail
{
    public static RenderedEmail Render(Meeting meeting, string councilName, string timeZone, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var subject = EmailTexts.AgendaSubject(councilName, meeting.LocalStart, meeting.Cancelled, meeting.Sequence);
        var lead = meeting.Cancelled ? EmailTexts.MeetingCancelledLead
            : meeting.Sequence > 0 ? EmailTexts.MeetingUpdatedLead : EmailTexts.MeetingLead;
        var when = EmailTexts.MeetingWhen(meeting.LocalStart, timeZone);
        var lines = DigestEmail.AgendaLines(meeting);
        var footer = EmailTexts.AgendaFooter(councilName);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);

        var text = new StringBuilder().AppendLine(EmailTexts.Greeting).AppendLine().AppendLine(lead).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.WhenLabel}: {when}").AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.WhereLabel}: {meeting.Place}");
        if (lines.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.AgendaTitle}:");
            foreach (var line in lines) text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }
        text.AppendLine().AppendLine(EmailTexts.IcsHint).AppendLine().AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);

        var html = new StringBuilder().Append(Paragraph(EmailTexts.Greeting)).Append(Paragraph(lead))
            .Append(Facts([(EmailTexts.WhenLabel, when), (EmailTexts.WhereLabel, meeting.Place)]));
        if (lines.Count > 0) html.Append(Heading(EmailTexts.AgendaTitle)).Append(List(lines));
        html.Append(Paragraph(EmailTexts.IcsHint));
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }

    /// <summary>text/calendar; method=REQUEST|CANCEL, as calendar clients expect for an invitation.</summary>
    public static MimePart IcsAttachment(string ics, bool cancelled)
    {
        var type = new ContentType("text", "calendar") { Charset = "utf-8" };
        type.Parameters.Add("method", cancelled ? "CANCEL" : "REQUEST");
        return new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "invite.ics" },
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
    }
}
