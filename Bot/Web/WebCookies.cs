using Microsoft.AspNetCore.Http;

namespace NokoBot.Web;

/// <summary>The one policy every cookie of the pages is set and cleared with.</summary>
internal static class WebCookies
{
    /// <summary>
    /// HttpOnly, SameSite=Strict, Secure when served over HTTPS, the whole site; a lifetime as a Max-Age, so a browser
    /// whose clock disagrees with the server's keeps it all the same.
    /// </summary>
    public static CookieOptions Strict(HttpContext context, TimeSpan? maxAge = null) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
