using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>The council's settings the secretary keeps on the web: the public status page's switch.</summary>
public static class SettingsPage
{
    public static string Render(WebVisitor visitor, string publicUrl, PageNotice? notice, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var on = visitor.Snapshot.Settings.PublicPage;
        var html = new WebHtml().Element("h1", WebTexts.SettingsTitle);
        if (notice is not null) html.Element("p", notice.Text, ("class", notice.Refused ? "notice refused" : "notice"), ("role", "status"));
        html.Element("h2", WebTexts.PublicPageHeading);
        html.Element("p", WebTexts.PublicPageExplain);
        html.Element("p", WebTexts.PublicPageState(on), ("id", "public-page-state"));
        if (on) html.Raw("<p>").Text(WebTexts.PublicPageLink + " ").Link(publicUrl, publicUrl).Raw("</p>");
        html.Open("form", ("class", "act"), ("method", "post"), ("action", visitor.PathTo("settings/public-page")));
        Forms.Token(html, antiforgery);
        html.Open("input", ("type", "hidden"), ("name", "value"), ("value", on ? "off" : "on"));
        html.Element("button", on ? WebTexts.PublicPageOff : WebTexts.PublicPageOn, ("type", "submit"));
        html.Close("form");
        return Layout.Council(visitor, Section.Settings, WebTexts.SettingsTitle, html.ToString(), antiforgery);
    }
}
