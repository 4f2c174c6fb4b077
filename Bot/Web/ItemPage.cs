using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>What to tell the person at the top of an item's page: what was saved, or why not.</summary>
public sealed record PageNotice(string Text, bool Refused);

/// <summary>One item: everything about it, its history with protocols to download, and what this person may do about it.</summary>
public static class ItemPage
{
    public static string Render(WebVisitor visitor, StoredPlanItem item, PageNotice? notice, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(item);
        var snapshot = visitor.Snapshot;
        var row = ItemRow.Of(snapshot, item, visitor.Today);
        var title = WebPlanTexts.ItemTitle(item.Number, item.Title);
        var html = new WebHtml();
        html.Raw("<p>").Link(visitor.PathTo() + "#item-" + Uri.EscapeDataString(item.Number), WebPlanTexts.BackToPlan).Raw("</p>");
        html.Element("h1", title);
        if (notice is not null) html.Element("p", notice.Text, ("class", notice.Refused ? "notice refused" : "notice"), ("role", "status"));
        html.Raw("<dl class=\"item\">");
        Term(html, WebPlanTexts.ColumnStatus).Raw("<dd>").Raw(YearPage.Badge(row.Status)).Raw("</dd>");
        if (item.Section is { Length: > 0 } section) Term(html, WebPlanTexts.Section).Element("dd", section);
        Term(html, WebPlanTexts.ColumnParties).Raw("<dd>");
        YearPage.Parties(html, row);
        html.Raw("</dd>");
        Term(html, WebPlanTexts.ColumnDeadline).Element("dd", item.Deadline.Text.Length == 0 ? WebPlanTexts.DeadlineEmpty : item.Deadline.Text);
        Term(html, WebPlanTexts.ColumnUnderstood).Element("dd", DeadlineTexts.Describe(item.Deadline));
        Term(html, WebPlanTexts.ColumnDue).Element("dd", row.Due is { } due ? WebPlanTexts.Due(due, visitor.Today) : WebPlanTexts.NoDueYet);
        Term(html, WebPlanTexts.Result).Element("dd", item.Result);
        html.Raw("</dl>");

        html.Element("h2", WebPlanTexts.History);
        var history = snapshot.RepliesOf(item.Id).OrderBy(r => r.At).ToList();
        if (history.Count == 0) html.Element("p", WebPlanTexts.NoHistory, ("class", "muted"));
        else
        {
            html.Raw("<ul>");
            foreach (var reply in history)
            {
                html.Raw("<li>").Text(ChatTexts.HistoryLine(ItemRow.LocalAt(snapshot, reply), ItemRow.Who(snapshot, reply), ItemRow.What(reply), reply.Comment));
                if (reply.File is { } file) html.Text(" ").Link(CouncilPaths.File(visitor.Slug, file.Sha256), WebPlanTexts.Download);
                html.Raw("</li>");
            }
            html.Raw("</ul>");
        }

        if (row.Progress.IsClosed) html.Element("p", WebPlanTexts.ClosedNotice, ("class", "muted"));
        else if (visitor.Actor.CanActOn(item.Parties)) Actions(html, visitor, item, row, antiforgery);
        return Layout.Council(visitor, Section.Year, title, html.ToString(), antiforgery);
    }

    private static WebHtml Term(WebHtml html, string text) => html.Element("dt", text);

    private static void Actions(WebHtml html, WebVisitor visitor, StoredPlanItem item, ItemRow row, (string Name, string Value) antiforgery)
    {
        var path = CouncilPaths.Item(visitor.Slug, item.Number);
        if (visitor.Manages)
        {
            html.Open("form", ("class", "act"), ("method", "post"), ("action", path + "/due"));
            html.Element("h2", WebPlanTexts.SetDueHeading);
            Forms.Token(html, antiforgery);
            Forms.DateInput(html, "date", WebPlanTexts.DateLabel, row.Due is { } d && d >= visitor.Today ? d : null);
            html.Element("button", WebPlanTexts.SetDueButton, ("type", "submit"));
            html.Close("form");
        }

        var parties = visitor.Manages ? item.Parties : visitor.Actor.PartiesOf(item.Parties);
        var open = parties.Where(row.Progress.IsOpenFor).ToList();
        html.Open("form", ("class", "act"), ("method", "post"), ("action", path + "/done"));
        html.Element("h2", WebPlanTexts.DoneHeading);
        Forms.Token(html, antiforgery);
        html.Raw("<label>").Text(WebPlanTexts.DoneParty).Raw("<select name=\"party\">");
        foreach (var party in open) html.Element("option", party, ("value", party));
        if (visitor.Manages) html.Element("option", WebPlanTexts.DoneWholeItem, ("value", ""));
        html.Raw("</select></label>");
        html.Raw("<label>").Text(WebPlanTexts.DoneComment).Open("textarea", ("name", "comment"), ("maxlength", "1000"), ("rows", "2")).Raw("</textarea></label>");
        html.Element("button", WebPlanTexts.DoneButton, ("type", "submit"));
        html.Close("form");

        html.Open("form", ("class", "act"), ("method", "post"), ("action", path + "/postpone"));
        html.Element("h2", WebPlanTexts.PostponeHeading);
        Forms.Token(html, antiforgery);
        Forms.DateInput(html, "date", WebPlanTexts.DateLabel, null);
        html.Raw("<label>").Text(WebPlanTexts.PostponeReason).Open("input", ("type", "text"), ("name", "reason"), ("maxlength", "500"), ("size", "30")).Raw("</label>");
        html.Element("button", WebPlanTexts.PostponeButton, ("type", "submit"));
        html.Close("form");
    }

    /// <summary>The words for an accepted reply, the same as the chat's.</summary>
    public static string Accepted(ReplyRequest request, StoredPlanItem? item, ReplyDecision.Accepted accepted)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accepted);
        return request switch
        {
            ReplyRequest.Done when item is not null => ReplyTexts.Done(item.Number, item.Title, accepted),
            ReplyRequest.Postpone p when item is not null => ReplyTexts.Postponed(item.Number, item.Title, p.To, p.Reason),
            ReplyRequest.SetDue s when item is not null => ReplyTexts.DueSet(item.Number, s.Due),
            ReplyRequest.RecordEvent e => ReplyTexts.EventRecorded(e.Name, e.On),
            _ => WebTexts.Saved,
        };
    }
}
