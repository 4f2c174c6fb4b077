using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>
/// The public status page (when the secretary switched it on): the plan's items, their deadlines and where they
/// stand. No names of people — no parties, no replies, no members — and no files.
/// </summary>
public static class PublicPage
{
    public static string Render(CouncilSnapshot snapshot, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var council = snapshot.Council.Name;
        var html = new WebHtml().Element("h1", WebPlanTexts.PublicTitle(council));
        if (snapshot.Plan is not { } plan)
        {
            html.Element("p", WebPlanTexts.NoPlan);
            return Layout.Plain(council, html.ToString(), council);
        }
        var rows = ItemRow.Of(snapshot, today);
        html.Element("p", WebPlanTexts.PublicLead(plan.Year), ("class", "lead"));
        html.Element("p", WebPlanTexts.Summary(rows.Count, Enum.GetValues<ItemStatusName>().Select(s => (s, rows.Count(r => r.Status == s)))) + ". "
            + WebPlanTexts.PublicAsOf(today));
        html.Raw("<table class=\"plan\"><thead><tr>");
        foreach (var column in new[] { WebPlanTexts.ColumnNumber, WebPlanTexts.ColumnTitle, WebPlanTexts.ColumnDeadline, WebPlanTexts.ColumnDue, WebPlanTexts.ColumnStatus })
            html.Element("th", column, ("scope", "col"));
        html.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Open("tr", ("class", WebPlanTexts.StatusKey(row.Status)))
                .Element("td", row.Item.Number, ("data-label", WebPlanTexts.ColumnNumber))
                .Element("td", row.Item.Title, ("data-label", WebPlanTexts.ColumnTitle))
                .Element("td", row.Item.Deadline.Text.Length == 0 ? WebPlanTexts.DeadlineEmpty : row.Item.Deadline.Text, ("data-label", WebPlanTexts.ColumnDeadline))
                .Element("td", row.Due is { } due ? WebPlanTexts.Due(due, today) : WebPlanTexts.NoDueYet, ("data-label", WebPlanTexts.ColumnDue))
                .Open("td", ("data-label", WebPlanTexts.ColumnStatus)).Raw(YearPage.Badge(row.Status)).Close("td")
                .Close("tr");
        }
        html.Raw("</tbody></table>");
        return Layout.Plain(council, html.ToString(), council);
    }
}
