using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>The front door: the landing page, a sign-in link's page and its button (rate-limited), signing out.</summary>
public static class SignInEndpoints
{
    public const string RateLimitPolicy = "signin";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", LandingAsync);
        endpoints.MapGet("/signin/{code}", SignInPageAsync).RequireRateLimiting(RateLimitPolicy);
        endpoints.MapPost("/signin/{code}", SignInAsync).RequireRateLimiting(RateLimitPolicy);
        endpoints.MapPost("/signout", SignOutAsync);
    }

    private static async Task<IResult> LandingAsync(HttpContext context, WebVisitors visitors, CouncilStore councils, CancellationToken ct)
    {
        if (await visitors.SessionAsync(context, ct) is { } session && await councils.FindAsync(session.CouncilId, ct) is { } council)
            return WebResults.SeeOther(CouncilPaths.Of(council.Slug));
        return WebResults.Page(Layout.Message(WebTexts.LandingTitle, WebTexts.LandingLead));
    }

    private static async Task<IResult> SignInPageAsync(HttpContext context, string code, WebSessionStore sessions, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await sessions.LinkCouncilAsync(code, ct) is not { } council)
            return WebResults.Page(SignInPage.Invalid(), StatusCodes.Status404NotFound);
        return WebResults.Page(SignInPage.Render(council, code, WebResults.Token(antiforgery, context)));
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, string code, WebSessionStore sessions, CouncilStore councils, IAntiforgery antiforgery, ILogger<WebVisitors> logger, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return WebResults.FormExpired();
        if (await sessions.RedeemLinkAsync(code, WebOptions.SessionLifetime, ct) is not { } redeemed
            || await councils.FindAsync(redeemed.Session.CouncilId, ct) is not { } council)
        {
            WebLog.SignInRefused(logger);
            return WebResults.Page(SignInPage.Invalid(), StatusCodes.Status404NotFound);
        }
        WebVisitors.SetCookie(context, redeemed.Token, WebOptions.SessionLifetime);
        WebLog.SignedIn(logger, redeemed.Session.MemberId, council.Id, redeemed.Session.Role);
        return WebResults.SeeOther(CouncilPaths.Of(council.Slug));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, WebSessionStore sessions, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return WebResults.FormExpired();
        if (context.Request.Cookies[WebVisitors.Cookie] is { } token) await sessions.RevokeSessionAsync(token, ct);
        WebVisitors.ClearCookie(context);
        return WebResults.Page(Layout.Message(WebTexts.SignOut, WebTexts.SignedOut));
    }
}
