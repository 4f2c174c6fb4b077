using System.Globalization;
using System.Text;
using NokoBot.Domain.Digest;
using NokoBot.Domain.Meetings;
using NokoBot.Texts;
using static NokoBot.Email.EmailHtml;

namespace NokoBot.Email;

/// <summary>Renders the weekly digest: totals first, then each non-empty section as a table.</summary>
public static class DigestEmail
{
    public static RenderedEmail Render(Digest digest, string timeZone, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var subject = EmailTexts.DigestSubject(digest.CouncilName, digest.Today);
        var t = digest.Totals;
        var totals = EmailTexts.DigestTotals(t.ItemsTotal, t.ItemsClosed, t.Overdue, t.DueSoon);
        var footer = EmailTexts.DigestFooter(digest.CouncilName);
        var unsubscribe = EmailTexts.UnsubscribeHint(fromAddress);
        string[] itemHeaders = [EmailTexts.NumberColumn, EmailTexts.TitleColumn, EmailTexts.PartiesColumn, EmailTexts.DeadlineColumn];

        var sections = new List<(string Title, string[] Headers, List<string[]> Rows)>
        {
            (EmailTexts.OverdueTitle, itemHeaders, [.. digest.Overdue.Select(ItemRow)]),
            (EmailTexts.DueSoonTitle, itemHeaders, [.. digest.DueSoon.Select(ItemRow)]),
            (EmailTexts.DoneTitle, [EmailTexts.NumberColumn, EmailTexts.TitleColumn, EmailTexts.PartiesColumn, EmailTexts.DoneOnColumn],
                [.. digest.DoneThisWeek.Select(d => new[] { d.Item.Number, d.Item.Title, Parties(d.Item), DeadlineTexts.Date(d.DoneOn) })]),
            (EmailTexts.PostponedTitle, [EmailTexts.NumberColumn, EmailTexts.TitleColumn, EmailTexts.PartiesColumn, EmailTexts.PostponeColumn, EmailTexts.ReasonColumn],
                [.. digest.Postponed.Select(p => new[] { p.Item.Number, p.Item.Title, Parties(p.Item), EmailTexts.Postponement(p.From, p.To), p.Reason ?? "" })]),
            (EmailTexts.AwaitingProtocolTitle, itemHeaders, [.. digest.AwaitingProtocol.Select(ItemRow)]),
        };

        var text = new StringBuilder().AppendLine(EmailTexts.DigestTitle(digest.CouncilName))
            .AppendLine(subject).AppendLine().AppendLine(totals);
        var html = new StringBuilder().Append(Heading(EmailTexts.DigestTitle(digest.CouncilName), 1)).Append(Paragraph(totals));
        foreach (var (title, headers, rows) in sections.Where(s => s.Rows.Count > 0))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{title} ({rows.Count})");
            foreach (var row in rows) text.AppendLine(TextRow(headers, row));
            html.Append(Heading($"{title} ({rows.Count})")).Append(Table(headers, rows));
        }
        if (digest.MeetingsAwaitingProtocol is { Count: > 0 } held)
        {
            var lines = held.Select(m => EmailTexts.MeetingWithoutProtocol(m.LocalStart, m.Place)).ToList();
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.MeetingsAwaitingProtocolTitle} ({lines.Count})");
            foreach (var line in lines) text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            html.Append(Heading($"{EmailTexts.MeetingsAwaitingProtocolTitle} ({lines.Count})")).Append(List(lines));
        }
        if (digest.NextMeeting is { } meeting)
        {
            var when = EmailTexts.MeetingWhen(meeting.LocalStart, timeZone);
            text.AppendLine().AppendLine(EmailTexts.NextMeetingTitle)
                .AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.WhenLabel}: {when}").AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.WhereLabel}: {meeting.Place}");
            if (meeting.Agenda.Count > 0) text.AppendLine(CultureInfo.InvariantCulture, $"{EmailTexts.AgendaTitle}:");
            var lines = AgendaLines(meeting);
            foreach (var line in lines) text.AppendLine(CultureInfo.InvariantCulture, $"  - {line}");
            html.Append(Heading(EmailTexts.NextMeetingTitle))
                .Append(Facts([(EmailTexts.WhenLabel, when), (EmailTexts.WhereLabel, meeting.Place)]));
            if (lines.Count > 0) html.Append(Heading(EmailTexts.AgendaTitle, 3)).Append(List(lines));
        }
        text.AppendLine().AppendLine("-- ").AppendLine(footer).AppendLine(unsubscribe);
        return new RenderedEmail(subject, text.ToString(), Document(subject, html.ToString(), footer, unsubscribe));
    }

    internal static List<string> AgendaLines(Meeting meeting) =>
        [.. meeting.Agenda.Select((a, i) => $"{i + 1}. {a.Text}" + (a.ItemNumber is { } n ? " " + EmailTexts.AgendaItemRef(n) : ""))];

    private static string Parties(DigestItem item) => string.Join(", ", item.Parties);

    private static string[] ItemRow(DigestItem item) =>
        [item.Number, item.Title, Parties(item), item.Due is { } d ? DeadlineTexts.Date(d) : EmailTexts.NoDate];

    /// <summary>«п. 4. Title — parties — 30.06.2020»: one line per item, readable without a table.</summary>
    private static string TextRow(string[] headers, string[] row)
    {
        var sb = new StringBuilder("  " + EmailTexts.DigestTextItem(row[0], row[1]));
        for (var i = 2; i < row.Length; i++)
            if (!string.IsNullOrEmpty(row[i])) sb.Append(CultureInfo.InvariantCulture, $" | {headers[i]}: {row[i]}");
        return sb.ToString();
    }
}
