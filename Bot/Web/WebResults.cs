using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>The answers the endpoints give: a page, a redirect after a form, the Russian refusals.</summary>
public static class WebResults
{
    public static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>
    /// One answer for every page a visitor may not see — no session, another council's, a council or item that does not
    /// exist — so the answer tells nothing (no 403 oracle). A link followed from another site arrives without the
    /// SameSite=Strict cookie: such a request is sent once more from this site, where the cookie comes along.
    /// </summary>
    public static IResult NotFound(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Cookies.ContainsKey(WebVisitors.Cookie)
            && context.Request.Headers["Sec-Fetch-Site"] == "cross-site")
            return Page("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0\"><title>…</title></head><body></body></html>");
        return Page(Layout.Message(WebTexts.NotFoundTitle, WebTexts.NotFound, ("/", WebTexts.Product)), StatusCodes.Status404NotFound);
    }

    public static IResult FormExpired() => Page(Layout.Message(WebTexts.FormExpiredTitle, WebTexts.FormExpired), StatusCodes.Status400BadRequest);

    /// <summary>303 See Other: after a form, the browser fetches the page anew.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    /// <summary>The anti-forgery field for this visitor's forms.</summary>
    public static (string Name, string Value) Token(IAntiforgery antiforgery, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return (tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
