using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>Calendar feeds at their secret URLs, and the page where a person gets, renews or switches off theirs.</summary>
public static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/feeds/{file}", FeedAsync);
        endpoints.MapGet("/c/{slug}/calendar", PageAsync);
        endpoints.MapPost("/c/{slug}/calendar/renew", (HttpContext c, string slug, ReplyEndpoints.Actions a, WebLinks l, CancellationToken ct) => ChangeAsync(c, slug, a, l, renew: true, ct));
        endpoints.MapPost("/c/{slug}/calendar/revoke", (HttpContext c, string slug, ReplyEndpoints.Actions a, WebLinks l, CancellationToken ct) => ChangeAsync(c, slug, a, l, renew: false, ct));
    }

    private static async Task<IResult> FeedAsync(
        HttpContext context, string file, CalendarFeedStore feeds, CouncilSnapshotStore snapshots, CalendarFeedBuilder builder, WebLinks links, CancellationToken ct)
    {
        if (!file.EndsWith(".ics", StringComparison.Ordinal) || await feeds.FindAsync(file[..^4], ct) is not { } feed
            || await snapshots.LoadAsync(feed.CouncilId, ct) is not { } snapshot)
            return WebResults.NotFound(context);
        MemberContact? member = null;
        if (feed.MemberId is { } memberId && (member = snapshot.Member(memberId)) is null) return WebResults.NotFound(context);
        var ics = await builder.BuildAsync(snapshot, member, links.BaseUrl, ct);
        return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> PageAsync(HttpContext context, string slug, WebVisitors visitors, CalendarFeedStore feeds, WebLinks links, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await visitors.ResolveAsync(context, slug, ct) is not { } visitor) return WebResults.NotFound(context);
        var council = visitor.Snapshot.Council.Id;
        var mine = await feeds.LiveAsync(council, visitor.Actor.MemberId, ct);
        var whole = visitor.Manages ? await feeds.LiveAsync(council, null, ct) : null;
        return WebResults.Page(CalendarPage.Render(visitor,
            mine is null ? null : links.FeedUrl(mine), whole is null ? null : links.FeedUrl(whole),
            Flash.Take(context), WebResults.Token(antiforgery, context)));
    }

    /// <summary>A new URL (the old one stops working) or none; the council's feed is for those who manage it.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext context, string slug, ReplyEndpoints.Actions actions, WebLinks links, bool renew, CancellationToken ct)
    {
        var ready = await actions.PrepareAsync(context, slug, ct);
        if (ready.Failure is { } failure) return failure;
        var (visitor, form) = (ready.Visitor!, ready.Form!);
        var council = form["which"] == "council";
        if (council && !visitor.Manages) return WebResults.NotFound(context);
        var memberId = council ? null : visitor.Actor.MemberId;
        if (renew) await links.FeedAsync(visitor.Snapshot.Council.Id, memberId, renew: true, ct);
        else await links.RevokeFeedAsync(visitor.Snapshot.Council.Id, memberId, ct);
        Flash.Set(context, new PageNotice(renew ? WebTexts.CalendarRenewed : WebTexts.CalendarOff, false));
        return WebResults.SeeOther(visitor.PathTo("calendar"));
    }
}
