using System.Globalization;
using System.Net;
using System.Text;
using NokoBot.Texts;

namespace NokoBot.Reports;

/// <summary>
/// The report as one printable HTML page (the same content as the Word file): a title page, the summary with a chart
/// of items by due month drawn as inline SVG (made here, no outside service), the table of items, the meetings.
/// Every value is HTML-escaped.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        @page { size: A4 landscape; margin: 15mm; }
        body { font-family: "Times New Roman", serif; color: #111; margin: 0 auto; max-width: 280mm; }
        .title-page { height: 180mm; display: flex; flex-direction: column; justify-content: center; text-align: center; page-break-after: always; }
        @media screen { .title-page { height: 100vh; } }
        .title-page h1 { font-size: 26pt; color: #1f3864; margin: 0 0 12mm; }
        .title-page p.subtitle { font-size: 16pt; color: #2f5496; margin: 0 0 4mm; }
        h2 { color: #1f3864; font-size: 16pt; margin-top: 8mm; page-break-after: avoid; }
        h3 { color: #2f5496; font-size: 13pt; page-break-after: avoid; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; margin-bottom: 4mm; }
        th, td { border: 1px solid #808080; padding: 2px 4px; vertical-align: top; text-align: left; }
        th { background: #d9e2f3; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        td.status-done { color: #1e7b34; } td.status-overdue { color: #b00020; font-weight: bold; }
        .sha { font-family: monospace; font-size: 7pt; word-break: break-all; }
        """;

    public static string Write(YearReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var title = $"{ReportTexts.Title} {ReportTexts.Subtitle(report.Year)}";
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(report.Council)}: {E(title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"title-page\">\n<h1>{E(report.Council)}</h1>\n<p class=\"subtitle\">{E(ReportTexts.Title)}</p>\n<p class=\"subtitle\">{E(ReportTexts.Subtitle(report.Year))}</p>\n<p>{E(ReportTexts.AsOf(report.AsOf))}</p>\n</section>\n");

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(ReportTexts.SummaryHeading)}</h2>\n<p>{E(ReportTexts.Summary(report.Items.Count, report.Count(ItemStatus.Done), report.Count(ItemStatus.Open), report.Count(ItemStatus.Overdue)))}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(ReportTexts.PartiesHeading)}</h3>\n");
        Table(html, [ReportTexts.PartyColumn, ReportTexts.DoneColumn, ReportTexts.OpenColumn, ReportTexts.OverdueColumn],
            report.Parties.Select(p => new[] { p.Party, N(p.Done), N(p.Open), N(p.Overdue) }), null);
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(ReportTexts.ChartHeading)}</h3>\n").Append(StatusChart.Svg(report.Months)).Append('\n');

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(ReportTexts.ItemsHeading)}</h2>\n");
        Table(html,
            [ReportTexts.NumberColumn, ReportTexts.ActionColumn, ReportTexts.ResponsibleColumn, ReportTexts.DeadlineColumn, ReportTexts.EndedDueColumn,
             ReportTexts.StatusColumn, ReportTexts.DoneByColumn, ReportTexts.PostponedColumn, ReportTexts.ProtocolsColumn],
            report.Items.Select(i => new[]
            {
                i.Number, i.Title, string.Join("\n", i.Parties), i.DeadlineText.Length == 0 ? ReportTexts.None : i.DeadlineText,
                i.EndedDue is { } due ? DeadlineTexts.Date(due) : ReportTexts.None, DocxReportWriter.StatusName(i.Status),
                Lines(i.Done.Select(d => ReportTexts.DoneMark(d.Who, d.LocalAt))),
                Lines(i.Postponements.Select(p => ReportTexts.Postponement(p.To, p.Reason))),
                Lines(i.Protocols.Select(p => ReportTexts.Protocol(p.FileName, p.LocalAt, p.Sha256))),
            }),
            row => row[5] == ReportTexts.StatusDone ? "status-done" : row[5] == ReportTexts.StatusOverdue ? "status-overdue" : null);

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(ReportTexts.MeetingsHeading)}</h2>\n");
        if (report.Meetings.Count == 0) html.Append(CultureInfo.InvariantCulture, $"<p>{E(ReportTexts.NoMeetings)}</p>\n");
        foreach (var meeting in report.Meetings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(ReportTexts.Meeting(meeting.LocalStart, meeting.Place))}</h3>\n<p>{E(ReportTexts.Agenda)}</p>\n<ol>\n");
            foreach (var line in meeting.Agenda) html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>\n");
            html.Append(CultureInfo.InvariantCulture, $"</ol>\n<p>{E(ReportTexts.MeetingProtocol(meeting.ProtocolName))}</p>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <param name="statusClass">A class for the status cell (column 6) of a row, if any.</param>
    private static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<string[]> rows, Func<string[], string?>? statusClass)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var h in header) html.Append(CultureInfo.InvariantCulture, $"<th>{E(h)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                var css = i == 5 && statusClass?.Invoke(row) is { } c ? $" class=\"{c}\"" : i == 8 && row[i] != ReportTexts.None ? " class=\"sha\"" : "";
                html.Append(CultureInfo.InvariantCulture, $"<td{css}>{string.Join("<br>", row[i].Split('\n').Select(E))}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Lines(IEnumerable<string> lines)
    {
        var text = string.Join("\n", lines);
        return text.Length == 0 ? ReportTexts.None : text;
    }
}
