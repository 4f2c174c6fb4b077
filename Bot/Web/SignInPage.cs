using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>
/// The page a sign-in link opens: a button that uses the link up. Opening the link alone uses nothing, so a chat's
/// link preview cannot spend it.
/// </summary>
public static class SignInPage
{
    public static string Render(string council, string code, (string Name, string Value) antiforgery)
    {
        var html = new WebHtml().Element("h1", WebTexts.SignInTitle);
        html.Element("p", WebTexts.SignInLead(council));
        html.Element("p", WebTexts.SignInExplain, ("class", "muted"));
        html.Open("form", ("class", "act"), ("method", "post"), ("action", CouncilPaths.SignIn(code)));
        Forms.Token(html, antiforgery);
        html.Element("button", WebTexts.SignInButton, ("type", "submit"));
        html.Close("form");
        return Layout.Plain(WebTexts.SignInTitle, html.ToString());
    }

    public static string Invalid() => Layout.Message(WebTexts.LinkInvalidTitle, WebTexts.LinkInvalid);
}
