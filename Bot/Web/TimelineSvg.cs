using System.Globalization;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>
/// The year drawn server-side as SVG: months across, one row per item — its window as a bar, its due date as a mark,
/// overdue in red, done in green — meetings as diamonds on a row of their own and today's line. Every shape's
/// <c>&lt;title&gt;</c> names its item. Colours come from the stylesheet's classes (no inline style: the CSP).
/// </summary>
public static class TimelineSvg
{
    private const double Width = 1000, Left = 64, Right = 990, Top = 58, RowHeight = 22;

    public static string Render(CouncilSnapshot snapshot, IReadOnlyList<ItemRow> rows, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(rows);
        var year = snapshot.Plan?.Year ?? today.Year;
        var meetings = snapshot.Meetings.Where(m => !m.Meeting.Cancelled).Select(m => m.Meeting).ToList();
        var dates = rows.SelectMany(r => new DateOnly?[] { r.Due, r.Window?.Start, r.Window?.End }).OfType<DateOnly>()
            .Concat(meetings.Select(m => DateOnly.FromDateTime(m.LocalStart))).ToList();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        if (dates.Count > 0 && dates.Min() < start) start = new DateOnly(dates.Min().Year, dates.Min().Month, 1);
        if (dates.Count > 0 && dates.Max() > end) end = new DateOnly(dates.Max().Year, dates.Max().Month, 1).AddMonths(1).AddDays(-1);
        var days = end.DayNumber - start.DayNumber + 1;
        double X(DateOnly d) => Left + (d.DayNumber - start.DayNumber) / (double)days * (Right - Left);
        var height = Top + rows.Count * RowHeight + 12;

        var svg = new WebHtml();
        svg.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").Raw(N(Width)).Raw(" ").Raw(N(height)).Raw("\">");
        svg.Element("title", WebPlanTexts.TimelineTitle(year));

        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            var x = X(month);
            svg.Raw("<line class=\"grid\" x1=\"").Raw(N(x)).Raw("\" y1=\"18\" x2=\"").Raw(N(x)).Raw("\" y2=\"").Raw(N(height)).Raw("\"/>");
            svg.Open("text", ("class", "month"), ("x", N(x + 3)), ("y", "14")).Text(WebPlanTexts.Month(month.Month)).Close("text");
        }

        svg.Open("text", ("x", "2"), ("y", "40")).Text(WebPlanTexts.Meetings).Close("text");
        foreach (var meeting in meetings)
        {
            var x = X(DateOnly.FromDateTime(meeting.LocalStart));
            svg.Raw("<g><title>").Text(WebPlanTexts.MeetingMark(meeting.LocalStart, meeting.Place)).Raw("</title>");
            svg.Raw("<path class=\"meeting\" d=\"M").Raw(N(x)).Raw(" 28 l7 8 l-7 8 l-7 -8 z\"/></g>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * RowHeight;
            var css = Css(row.Status);
            var when = ChatTexts.When(row.Progress.IsClosed, row.Due, today, row.Item.Deadline);
            svg.Raw("<g class=\"item\"><title>").Text(WebPlanTexts.ItemMark(row.Item.Number, row.Item.Title, WebPlanTexts.Status(row.Status), when)).Raw("</title>");
            svg.Open("text", ("x", "2"), ("y", N(y + 15))).Text(WebPlanTexts.RowLabel(row.Item.Number)).Close("text");
            if (row.Window is { } window)
                svg.Raw("<rect class=\"bar ").Raw(css).Raw("\" x=\"").Raw(N(X(window.Start))).Raw("\" y=\"").Raw(N(y + 5)).Raw("\" width=\"")
                    .Raw(N(Math.Max(2, X(window.End.AddDays(1)) - X(window.Start)))).Raw("\" height=\"12\" rx=\"3\"/>");
            if (row.Due is { } due)
                svg.Raw("<rect class=\"mark ").Raw(css).Raw("\" x=\"").Raw(N(X(due) - 3)).Raw("\" y=\"").Raw(N(y + 2)).Raw("\" width=\"6\" height=\"18\" rx=\"2\"/>");
            else
                svg.Raw("<rect class=\"bar waiting\" x=\"").Raw(N(Left)).Raw("\" y=\"").Raw(N(y + 9)).Raw("\" width=\"").Raw(N(Right - Left)).Raw("\" height=\"4\" rx=\"2\"/>");
            svg.Raw("</g>");
        }

        if (today >= start && today <= end)
        {
            var x = X(today);
            svg.Raw("<line class=\"today\" x1=\"").Raw(N(x)).Raw("\" y1=\"18\" x2=\"").Raw(N(x)).Raw("\" y2=\"").Raw(N(height)).Raw("\"><title>")
                .Text(WebPlanTexts.Today + " " + DeadlineTexts.Date(today)).Raw("</title></line>");
            svg.Open("text", ("class", "today-label"), ("x", N(x + 4)), ("y", "52")).Text(WebPlanTexts.Today).Close("text");
        }
        svg.Raw("</svg>");
        return svg.ToString();
    }

    public static string Css(ItemStatusName status) => status switch
    {
        ItemStatusName.Done => "done",
        ItemStatusName.Overdue => "overdue",
        ItemStatusName.Open => "open",
        _ => "waiting",
    };

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>The timeline page: the SVG with its legend.</summary>
public static class TimelinePage
{
    public static string Render(WebVisitor visitor, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var year = visitor.Snapshot.Plan?.Year ?? visitor.Today.Year;
        var title = WebPlanTexts.TimelineTitle(year);
        var html = new WebHtml().Element("h1", title);
        if (visitor.Snapshot.Plan is null)
        {
            html.Element("p", WebPlanTexts.NoPlan);
            return Layout.Council(visitor, Section.Timeline, title, html.ToString(), antiforgery);
        }
        html.Element("p", WebPlanTexts.TimelineLead, ("class", "lead"));
        html.Raw("<div class=\"legend\">")
            .Element("span", WebPlanTexts.LegendDone, ("class", "done")).Element("span", WebPlanTexts.LegendOverdue, ("class", "overdue"))
            .Element("span", WebPlanTexts.LegendOpen, ("class", "open")).Element("span", WebPlanTexts.LegendWaiting, ("class", "waiting"))
            .Element("span", WebPlanTexts.LegendMeeting, ("class", "meeting")).Element("span", WebPlanTexts.Today, ("class", "today"))
            .Raw("</div>");
        html.Raw("<div class=\"timeline\">").Raw(TimelineSvg.Render(visitor.Snapshot, ItemRow.Of(visitor.Snapshot, visitor.Today), visitor.Today)).Raw("</div>");
        return Layout.Council(visitor, Section.Timeline, title, html.ToString(), antiforgery);
    }
}
