using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>The public status page, and its switch on the secretary's settings page.</summary>
public static class PublicEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/p/{slug}", PublicAsync);
        endpoints.MapGet("/c/{slug}/settings", SettingsAsync);
        endpoints.MapPost("/c/{slug}/settings/public-page", SwitchAsync);
    }

    /// <summary>404 unless the council exists and its secretary switched the page on.</summary>
    private static async Task<IResult> PublicAsync(HttpContext context, string slug, CouncilStore councils, CouncilSnapshotStore snapshots, TimeProvider time, CancellationToken ct)
    {
        if (await councils.FindAsync(slug, ct) is not { } council) return WebResults.NotFound(context);
        var snapshot = await snapshots.LoadAsync(council, ct);
        if (!snapshot.Settings.PublicPage) return WebResults.NotFound(context);
        return WebResults.Page(PublicPage.Render(snapshot, snapshot.Today(time.GetUtcNow())));
    }

    private static async Task<IResult> SettingsAsync(HttpContext context, string slug, WebVisitors visitors, WebLinks links, IAntiforgery antiforgery, CancellationToken ct) =>
        await visitors.ResolveAsync(context, slug, ct) is { Manages: true } visitor
            ? WebResults.Page(SettingsPage.Render(visitor, links.PublicPage(slug), Flash.Take(context), WebResults.Token(antiforgery, context)))
            : WebResults.NotFound(context);

    private static async Task<IResult> SwitchAsync(HttpContext context, string slug, ReplyEndpoints.Actions actions, CouncilPublicPage publicPage, CancellationToken ct)
    {
        var ready = await actions.PrepareAsync(context, slug, ct);
        if (ready.Failure is { } failure) return failure;
        var (visitor, form) = (ready.Visitor!, ready.Form!);
        if (!visitor.Manages) return WebResults.NotFound(context);
        await publicPage.SetAsync(visitor.Snapshot.Council.Id, form["value"] == "on", ct);
        Flash.Set(context, new PageNotice(WebTexts.PublicPageSwitched, false));
        return WebResults.SeeOther(visitor.PathTo("settings"));
    }
}
