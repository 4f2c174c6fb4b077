using Microsoft.AspNetCore.Http;

namespace NokoBot.Web;

/// <summary>
/// Headers on every answer: a Content-Security-Policy with no script at all (the pages need none) and no framing,
/// no MIME sniffing, no Referer (sign-in and feed addresses are secrets), nothing cached but the stylesheet.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
