using NokoBot.Domain.Deadlines;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>What the year page shows: every item, or those of one party and one status.</summary>
public sealed record YearFilter(string? Party, ItemStatusName? Status)
{
    public static ItemStatusName? ParseStatus(string? key) =>
        Enum.GetValues<ItemStatusName>().Select(s => (ItemStatusName?)s).FirstOrDefault(s => WebPlanTexts.StatusKey(s!.Value) == key);

    public bool Matches(ItemRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (Party is null || row.Item.Parties.Contains(Party, StringComparer.Ordinal)) && (Status is null || row.Status == Status);
    }
}

/// <summary>The council's year: a summary, the filters, and every item with its badge, deadlines, parties and last reply.</summary>
public static class YearPage
{
    public static string Render(WebVisitor visitor, YearFilter filter, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(filter);
        var snapshot = visitor.Snapshot;
        var html = new WebHtml();
        if (snapshot.Plan is not { } plan)
        {
            html.Element("p", WebPlanTexts.NoPlan);
            return Layout.Council(visitor, Section.Year, WebTexts.NavYear, html.ToString(), antiforgery);
        }
        var rows = ItemRow.Of(snapshot, visitor.Today);
        var title = WebPlanTexts.YearTitle(plan.Year);
        html.Element("h1", title);
        html.Element("p", WebPlanTexts.Summary(rows.Count, Enum.GetValues<ItemStatusName>().Select(s => (s, rows.Count(r => r.Status == s)))), ("class", "lead"));
        Filters(html, visitor, plan, filter);
        var shown = rows.Where(filter.Matches).ToList();
        if (shown.Count == 0) html.Element("p", WebPlanTexts.NothingMatches);
        else Table(html, visitor, shown);
        if (visitor.Manages) EventForm(html, visitor, antiforgery);
        return Layout.Council(visitor, Section.Year, title, html.ToString(), antiforgery);
    }

    private static void Filters(WebHtml html, WebVisitor visitor, StoredPlan plan, YearFilter filter)
    {
        html.Open("form", ("class", "filters"), ("method", "get"), ("action", visitor.PathTo()));
        html.Raw("<label>").Text(WebPlanTexts.FilterParty).Raw("<select name=\"party\">");
        html.Element("option", WebPlanTexts.FilterAll, ("value", ""));
        foreach (var party in plan.Items.SelectMany(i => i.Parties).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            html.Element("option", party, ("value", party), ("selected", party == filter.Party ? "selected" : null));
        html.Raw("</select></label>");
        html.Raw("<label>").Text(WebPlanTexts.FilterStatus).Raw("<select name=\"status\">");
        html.Element("option", WebPlanTexts.FilterAll, ("value", ""));
        foreach (var status in Enum.GetValues<ItemStatusName>())
            html.Element("option", WebPlanTexts.Status(status), ("value", WebPlanTexts.StatusKey(status)), ("selected", status == filter.Status ? "selected" : null));
        html.Raw("</select></label>");
        html.Element("button", WebPlanTexts.FilterApply, ("type", "submit"));
        if (filter.Party is not null || filter.Status is not null) html.Link(visitor.PathTo(), WebPlanTexts.FilterReset);
        html.Close("form");
    }

    private static void Table(WebHtml html, WebVisitor visitor, IReadOnlyList<ItemRow> rows)
    {
        html.Raw("<table class=\"plan\"><thead><tr>");
        foreach (var column in new[]
        {
            WebPlanTexts.ColumnNumber, WebPlanTexts.ColumnTitle, WebPlanTexts.ColumnStatus, WebPlanTexts.ColumnDeadline,
            WebPlanTexts.ColumnUnderstood, WebPlanTexts.ColumnDue, WebPlanTexts.ColumnParties, WebPlanTexts.ColumnLastReply,
        }) html.Element("th", column, ("scope", "col"));
        html.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            var item = row.Item;
            html.Open("tr", ("class", WebPlanTexts.StatusKey(row.Status)), ("id", "item-" + item.Number));
            html.Open("td", ("data-label", WebPlanTexts.ColumnNumber)).Link(CouncilPaths.Item(visitor.Slug, item.Number), item.Number).Close("td");
            html.Open("td", ("data-label", WebPlanTexts.ColumnTitle)).Link(CouncilPaths.Item(visitor.Slug, item.Number), item.Title).Close("td");
            html.Open("td", ("data-label", WebPlanTexts.ColumnStatus)).Raw(Badge(row.Status)).Close("td");
            html.Element("td", item.Deadline.Text.Length == 0 ? WebPlanTexts.DeadlineEmpty : item.Deadline.Text, ("data-label", WebPlanTexts.ColumnDeadline));
            html.Element("td", DeadlineTexts.Describe(item.Deadline), ("data-label", WebPlanTexts.ColumnUnderstood));
            html.Element("td", row.Due is { } due ? WebPlanTexts.Due(due, visitor.Today) : WebPlanTexts.NoDueYet, ("data-label", WebPlanTexts.ColumnDue));
            html.Open("td", ("data-label", WebPlanTexts.ColumnParties));
            Parties(html, row);
            html.Close("td");
            html.Element("td", LastReply(visitor.Snapshot, row), ("data-label", WebPlanTexts.ColumnLastReply));
            html.Close("tr");
        }
        html.Raw("</tbody></table>");
    }

    public static void Parties(WebHtml html, ItemRow row)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(row);
        html.Raw("<ul class=\"parties\">");
        foreach (var party in row.Item.Parties)
        {
            var done = row.Progress.IsClosed || row.Progress.DoneParties.Contains(party);
            html.Element("li", party, ("class", done ? "done" : null), ("title", done ? WebPlanTexts.PartyDone : WebPlanTexts.PartyOpen));
        }
        html.Raw("</ul>");
    }

    public static string LastReply(CouncilSnapshot snapshot, ItemRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.LastReply is { } reply
            ? WebPlanTexts.LastReply(ItemRow.LocalAt(snapshot, reply), ItemRow.Who(snapshot, reply), ItemRow.What(reply))
            : WebPlanTexts.NoReplyYet;
    }

    public static string Badge(ItemStatusName status) =>
        new WebHtml().Element("span", WebPlanTexts.Status(status), ("class", "badge " + WebPlanTexts.StatusKey(status))).ToString();

    private static void EventForm(WebHtml html, WebVisitor visitor, (string Name, string Value) antiforgery)
    {
        var anchors = (visitor.Snapshot.Plan?.Items ?? []).Select(i => i.Deadline).OfType<RelativeDeadline>()
            .Select(r => r.Anchor).Distinct(StringComparer.Ordinal).ToList();
        html.Open("form", ("class", "act"), ("method", "post"), ("action", visitor.PathTo("events")));
        html.Element("h2", WebPlanTexts.EventHeading);
        Forms.Token(html, antiforgery);
        html.Raw("<label>").Text(WebPlanTexts.EventName)
            .Open("input", ("type", "text"), ("name", "name"), ("required", "required"), ("maxlength", "200"), ("list", "anchors"), ("size", "40")).Raw("</label>");
        html.Raw("<datalist id=\"anchors\">");
        foreach (var anchor in anchors) html.Open("option", ("value", anchor));
        html.Raw("</datalist>");
        Forms.DateInput(html, "date", WebPlanTexts.DateLabel, visitor.Today);
        html.Element("button", WebPlanTexts.EventButton, ("type", "submit"));
        html.Element("p", WebPlanTexts.EventHint, ("class", "muted"));
        html.Close("form");
    }
}
