using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NokoBot.Storage;

namespace NokoBot.Web;

/// <summary>The council's pages to read: the year, the timeline, an item, meetings, members, protocol downloads.</summary>
public static class CouncilEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/c/{slug}", YearAsync);
        endpoints.MapGet("/c/{slug}/timeline", TimelineAsync);
        endpoints.MapGet("/c/{slug}/items/{number}", ItemAsync);
        endpoints.MapGet("/c/{slug}/meetings", MeetingsAsync);
        endpoints.MapGet("/c/{slug}/members", MembersAsync);
        endpoints.MapGet("/c/{slug}/files/{sha256}", FileAsync);
    }

    private static async Task<IResult> YearAsync(HttpContext context, string slug, string? party, string? status, WebVisitors visitors, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await visitors.ResolveAsync(context, slug, ct) is not { } visitor) return WebResults.NotFound(context);
        var filter = new YearFilter(string.IsNullOrEmpty(party) ? null : party, YearFilter.ParseStatus(status));
        return WebResults.Page(YearPage.Render(visitor, filter, WebResults.Token(antiforgery, context)));
    }

    private static async Task<IResult> TimelineAsync(HttpContext context, string slug, WebVisitors visitors, IAntiforgery antiforgery, CancellationToken ct) =>
        await visitors.ResolveAsync(context, slug, ct) is { } visitor
            ? WebResults.Page(TimelinePage.Render(visitor, WebResults.Token(antiforgery, context)))
            : WebResults.NotFound(context);

    private static async Task<IResult> ItemAsync(HttpContext context, string slug, string number, WebVisitors visitors, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await visitors.ResolveAsync(context, slug, ct) is not { } visitor || visitor.Snapshot.Item(number) is not { } item) return WebResults.NotFound(context);
        return WebResults.Page(ItemPage.Render(visitor, item, Flash.Take(context), WebResults.Token(antiforgery, context)));
    }

    private static async Task<IResult> MeetingsAsync(HttpContext context, string slug, WebVisitors visitors, IAntiforgery antiforgery, CancellationToken ct) =>
        await visitors.ResolveAsync(context, slug, ct) is { } visitor
            ? WebResults.Page(MeetingsPage.Render(visitor, WebResults.Token(antiforgery, context)))
            : WebResults.NotFound(context);

    private static async Task<IResult> MembersAsync(HttpContext context, string slug, WebVisitors visitors, IAntiforgery antiforgery, CancellationToken ct) =>
        await visitors.ResolveAsync(context, slug, ct) is { Manages: true } visitor
            ? WebResults.Page(MembersPage.Render(visitor, WebResults.Token(antiforgery, context)))
            : WebResults.NotFound(context);

    private static async Task<IResult> FileAsync(HttpContext context, string slug, string sha256, WebVisitors visitors, ProtocolDownloads downloads, CancellationToken ct)
    {
        if (await visitors.ResolveAsync(context, slug, ct) is not { } visitor
            || await downloads.FindAsync(visitor.Snapshot.Council.Id, sha256, ct) is not { } file) return WebResults.NotFound(context);
        return Results.File(file.StoredPath, "application/octet-stream", file.FileName);
    }
}
