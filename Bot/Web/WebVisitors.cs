using Microsoft.AspNetCore.Http;
using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Web;

/// <summary>Who is asking: the session cookie, checked against the council the address names.</summary>
public sealed class WebVisitors(WebSessionStore sessions, CouncilStore councils, CouncilSnapshotStore snapshots, TimeProvider time)
{
    public const string Cookie = "noko_session";

    /// <returns>
    /// The visitor when their session is for the council <paramref name="slug"/> names; null for no session, an
    /// expired or revoked one, another council's, or a council that does not exist (all answered alike, 404).
    /// </returns>
    public async Task<WebVisitor?> ResolveAsync(HttpContext context, string slug, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await SessionAsync(context, ct) is not { } session) return null;
        if (await councils.FindAsync(slug, ct) is not { } council || council.Id != session.CouncilId) return null;
        var snapshot = await snapshots.LoadAsync(council, ct);
        var today = snapshot.Today(time.GetUtcNow());
        if (session.MemberId is not { } memberId) return new WebVisitor(snapshot, session, null, new Actor(null, session.Role, []), today);
        // A member removed since signing in has no pages; their role and parties are as they are now.
        return snapshot.Member(memberId) is { } member ? new WebVisitor(snapshot, session, member, member.Actor, today) : null;
    }

    public Task<WebSession?> SessionAsync(HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return sessions.FindSessionAsync(context.Request.Cookies[Cookie], ct);
    }

    /// <summary>The session cookie, for as long as the session lasts (<see cref="WebCookies.Strict"/>).</summary>
    public static void SetCookie(HttpContext context, string token, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Cookie, token, WebCookies.Strict(context, lifetime));
    }

    public static void ClearCookie(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Cookie, WebCookies.Strict(context));
    }
}
