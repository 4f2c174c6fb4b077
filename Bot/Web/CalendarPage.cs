using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>The person's calendar link (and the council's, for the secretary and the chair), to renew or switch off.</summary>
public static class CalendarPage
{
    /// <param name="mine">The person's feed URL; null when switched off.</param>
    /// <param name="council">The council's feed URL for those who manage it; null otherwise or when switched off.</param>
    public static string Render(WebVisitor visitor, string? mine, string? council, PageNotice? notice, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var html = new WebHtml().Element("h1", WebTexts.CalendarTitle);
        if (notice is not null) html.Element("p", notice.Text, ("class", notice.Refused ? "notice refused" : "notice"), ("role", "status"));
        html.Element("p", WebTexts.CalendarExplain);
        html.Element("p", WebTexts.CalendarPrivate, ("class", "muted"));
        // The administrator's link is nobody in particular: their feed would be the council's.
        if (visitor.Member is not null) Feed(html, visitor, WebTexts.CalendarMine, "mine", mine, antiforgery);
        if (visitor.Manages) Feed(html, visitor, WebTexts.CalendarCouncil, "council", council, antiforgery);
        return Layout.Council(visitor, Section.Calendar, WebTexts.CalendarTitle, html.ToString(), antiforgery);
    }

    private static void Feed(WebHtml html, WebVisitor visitor, string heading, string which, string? url, (string Name, string Value) antiforgery)
    {
        html.Element("h2", heading);
        if (url is null) html.Element("p", WebTexts.CalendarOff, ("class", "muted"));
        else html.Element("code", url, ("class", "link"));
        html.Open("form", ("class", "act"), ("method", "post"), ("action", visitor.PathTo("calendar/renew")));
        Forms.Token(html, antiforgery);
        html.Open("input", ("type", "hidden"), ("name", "which"), ("value", which));
        html.Element("button", url is null ? WebTexts.CalendarCreate : WebTexts.CalendarRenew, ("type", "submit"));
        html.Close("form");
        if (url is null) return;
        html.Open("form", ("class", "act"), ("method", "post"), ("action", visitor.PathTo("calendar/revoke")));
        Forms.Token(html, antiforgery);
        html.Open("input", ("type", "hidden"), ("name", "which"), ("value", which));
        html.Element("button", WebTexts.CalendarRevoke, ("type", "submit"), ("class", "quiet"));
        html.Close("form");
    }
}
