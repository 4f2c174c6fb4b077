using NokoBot.Domain.Councils;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>Which section of a council's pages is open (the navigation marks it).</summary>
public enum Section { Year, Timeline, Meetings, Members, Calendar, Settings, None }

/// <summary>The frame of every page: head, the council's navigation, the sign-out button, the footer.</summary>
public static class Layout
{
    /// <param name="body">The page's own content, already HTML.</param>
    /// <param name="antiforgery">The sign-out form's token field (name, value); null outside a session.</param>
    public static string Council(WebVisitor visitor, Section current, string title, string body, (string Name, string Value)? antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var html = new WebHtml();
        Head(html, title + " — " + visitor.Snapshot.Council.Name);
        html.Raw("<header class=\"site\">").Element("div", visitor.Snapshot.Council.Name, ("class", "council"));
        html.Raw("<div class=\"who\">").Text(WebTexts.SignedInAs(visitor.DisplayName, visitor.Role) + " ");
        if (antiforgery is { } token)
        {
            html.Open("form", ("method", "post"), ("action", "/signout"));
            html.Open("input", ("type", "hidden"), ("name", token.Name), ("value", token.Value));
            html.Element("button", WebTexts.SignOut, ("type", "submit"), ("class", "quiet"));
            html.Close("form");
        }
        html.Raw("</div>");
        html.Open("nav", ("class", "sections"), ("aria-label", WebTexts.MainNavigation));
        Nav(html, visitor.PathTo(), WebTexts.NavYear, current == Section.Year);
        Nav(html, visitor.PathTo("timeline"), WebTexts.NavTimeline, current == Section.Timeline);
        Nav(html, visitor.PathTo("meetings"), WebTexts.NavMeetings, current == Section.Meetings);
        if (visitor.Manages) Nav(html, visitor.PathTo("members"), WebTexts.NavMembers, current == Section.Members);
        Nav(html, visitor.PathTo("calendar"), WebTexts.NavCalendar, current == Section.Calendar);
        if (visitor.Manages) Nav(html, visitor.PathTo("settings"), WebTexts.NavSettings, current == Section.Settings);
        html.Raw("</nav></header><main>").Raw(body).Raw("</main>");
        Foot(html);
        return html.ToString();
    }

    /// <summary>A page outside a council's session: sign-in, errors, the public page.</summary>
    public static string Plain(string title, string body, string? heading = null)
    {
        var html = new WebHtml();
        Head(html, title);
        html.Raw("<header class=\"site\">").Element("div", heading ?? WebTexts.Product, ("class", "council")).Raw("</header><main>").Raw(body).Raw("</main>");
        Foot(html);
        return html.ToString();
    }

    /// <summary>A page with a heading and a paragraph or two, and a link onwards.</summary>
    public static string Message(string title, string text, (string Href, string Text)? link = null)
    {
        var body = new WebHtml().Element("h1", title).Element("p", text);
        if (link is { } l) body.Raw("<p>").Link(l.Href, l.Text).Raw("</p>");
        return Plain(title, body.ToString());
    }

    private static void Head(WebHtml html, string title)
    {
        html.Raw("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">")
            .Element("title", title)
            .Raw("<link rel=\"stylesheet\" href=\"").Raw(Assets.StylesheetPath).Raw("\"></head><body>");
    }

    private static void Foot(WebHtml html) => html.Raw("<footer class=\"site\">").Text(WebTexts.Footer).Raw("</footer></body></html>");

    private static void Nav(WebHtml html, string href, string text, bool current) =>
        html.Element("a", text, ("href", href), ("aria-current", current ? "page" : null));

    public static string RoleName(MemberRole role) => ChatTexts.RoleName(role);
}
