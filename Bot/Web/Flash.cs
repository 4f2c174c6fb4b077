using Microsoft.AspNetCore.Http;

namespace NokoBot.Web;

/// <summary>
/// What a form's result says, carried across its redirect in a short-lived cookie and shown once on the next page
/// (the text is escaped when shown, like any other).
/// </summary>
public static class Flash
{
    private const string Cookie = "noko_notice";

    public static void Set(HttpContext context, PageNotice notice)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(notice);
        var text = notice.Text.Length > 600 ? notice.Text[..600] : notice.Text;
        context.Response.Cookies.Append(Cookie, (notice.Refused ? "r" : "a") + Uri.EscapeDataString(text), WebCookies.Strict(context, TimeSpan.FromMinutes(1)));
    }

    /// <returns>The notice left by the last form, once; null when there is none.</returns>
    public static PageNotice? Take(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[Cookie] is not { Length: > 1 } value) return null;
        context.Response.Cookies.Delete(Cookie, WebCookies.Strict(context));
        return new PageNotice(Uri.UnescapeDataString(value[1..]), value[0] == 'r');
    }
}
