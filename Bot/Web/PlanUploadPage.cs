using NokoBot.Desk;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>
/// The secretary's plan upload on the web: the form (multipart, .docx or .txt), and the draft's preview — the chat's
/// very words (<see cref="DeskTexts.Preview"/>), its lines as HTML — with «Импортировать» and «Отмена».
/// </summary>
public static class PlanUploadPage
{
    public static string Form(WebVisitor visitor, PageNotice? notice, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var html = new WebHtml().Element("h1", WebDeskTexts.UploadTitle);
        Notice(html, notice);
        html.Element("p", WebDeskTexts.UploadExplain(PlanDesk.MaxUploadBytes));
        html.Open("form", ("class", "act"), ("method", "post"), ("action", PlanUploadPaths.Upload(visitor)), ("enctype", "multipart/form-data"));
        Forms.Token(html, antiforgery);
        html.Raw("<label>").Text(WebDeskTexts.FileLabel)
            .Open("input", ("type", "file"), ("name", "file"), ("accept", ".docx,.txt"), ("required", "required")).Raw("</label>");
        html.Raw("<label>").Text(WebDeskTexts.YearLabel)
            .Open("input", ("type", "number"), ("name", "year"), ("min", "2000"), ("max", "2099"), ("inputmode", "numeric")).Raw("</label>");
        html.Element("button", WebDeskTexts.UploadButton, ("type", "submit"));
        html.Close("form");
        return Layout.Council(visitor, Section.Year, WebDeskTexts.UploadTitle, html.ToString(), antiforgery);
    }

    /// <param name="text">The preview's words; or the refusal, when the draft may no longer be acted on.</param>
    /// <param name="actionable">Whether to offer the buttons.</param>
    public static string Preview(WebVisitor visitor, long draftId, ChatText text, bool actionable, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(text);
        var html = new WebHtml();
        if (!actionable) html.Element("h1", WebDeskTexts.PreviewTitle);
        html.Open("div", ("class", "preview"));
        var first = actionable;
        foreach (var line in text.Lines.Where(l => l.Text.Length > 0))
        {
            if (line.Strong) html.Element(first ? "h1" : "h2", line.Text);
            else html.Element("p", line.Text, ("class", actionable ? null : "notice refused"), ("role", actionable ? null : "status"));
            first = false;
        }
        html.Close("div");
        if (actionable)
        {
            Button(html, PlanUploadPaths.Import(visitor, draftId), DeskTexts.ButtonImport, antiforgery);
            Button(html, PlanUploadPaths.Cancel(visitor, draftId), DeskTexts.ButtonCancel, antiforgery);
        }
        html.Raw("<p>").Link(visitor.PathTo(), WebDeskTexts.BackToYear).Raw("</p>");
        return Layout.Council(visitor, Section.Year, WebDeskTexts.PreviewTitle, html.ToString(), antiforgery);
    }

    public static void Notice(WebHtml html, PageNotice? notice)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (notice is not null) html.Element("p", notice.Text, ("class", notice.Refused ? "notice refused" : "notice"), ("role", "status"));
    }

    private static void Button(WebHtml html, string action, string text, (string Name, string Value) antiforgery)
    {
        html.Open("form", ("class", "act inline"), ("method", "post"), ("action", action));
        Forms.Token(html, antiforgery);
        html.Element("button", text, ("type", "submit"));
        html.Close("form");
    }
}
