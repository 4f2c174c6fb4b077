using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using NokoBot.Desk;
using NokoBot.Domain.Councils;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>
/// The plan upload on the web, for the secretary and the chair (anyone else gets the 404 of a page that is not
/// theirs): a file read by the desk into a draft exactly as in chat, its preview, and «Импортировать» — the desk's
/// checks (the author's own draft, not settled, not expired, the plan unchanged since) and its import in one
/// transaction — or «Отмена». Bad input is answered on the form's page, and nothing is written.
/// </summary>
public static class PlanUploadEndpoints
{
    /// <summary>Room for the form's other fields and the multipart framing around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/c/{slug}/plan/upload", FormAsync);
        endpoints.MapPost("/c/{slug}/plan/upload", UploadAsync);
        endpoints.MapGet("/c/{slug}/plan/drafts/{id}", PreviewAsync);
        endpoints.MapPost("/c/{slug}/plan/drafts/{id}/import", ImportAsync);
        endpoints.MapPost("/c/{slug}/plan/drafts/{id}/cancel", CancelAsync);
    }

    private static async Task<IResult> FormAsync(HttpContext context, string slug, WebVisitors visitors, IAntiforgery antiforgery, CancellationToken ct) =>
        await visitors.ResolveAsync(context, slug, ct) is { Manages: true } visitor
            ? WebResults.Page(PlanUploadPage.Form(visitor, null, WebResults.Token(antiforgery, context)))
            : WebResults.NotFound(context);

    private static async Task<IResult> UploadAsync(
        HttpContext context, string slug, WebVisitors visitors, IAntiforgery antiforgery, PlanDesk desk, Database database,
        ILogger<PlanDesk> logger, CancellationToken ct)
    {
        if (await visitors.ResolveAsync(context, slug, ct) is not { Manages: true } visitor) return WebResults.NotFound(context);
        IResult Refuse(string why)
        {
            WebLog.PlanUploadRefused(logger, visitor.Actor.MemberId, visitor.Snapshot.Council.Id, why);
            return WebResults.Page(PlanUploadPage.Form(visitor, new PageNotice(why, true), WebResults.Token(antiforgery, context)), StatusCodes.Status400BadRequest);
        }
        // Too big is refused before the body is read.
        if (context.Request.ContentLength > PlanDesk.MaxUploadBytes + FormOverhead) return Refuse(DeskTexts.PlanTooBig(PlanDesk.MaxUploadBytes));
        if (!context.Request.HasFormContentType) return Refuse(WebDeskTexts.NoFile);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            WebLog.FormRefused(logger, context.Request.Path);
            return WebResults.FormExpired();
        }
        var form = await context.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return Refuse(WebDeskTexts.NoFile);
        var fileName = Path.GetFileName(file.FileName);
        if (!PlanDesk.LooksLikePlanFile(fileName)) return Refuse(WebDeskTexts.WrongType(fileName));
        if (file.Length > PlanDesk.MaxUploadBytes) return Refuse(DeskTexts.PlanTooBig(PlanDesk.MaxUploadBytes));
        int year;
        if (Forms.Text(form["year"]) is { } typed)
        {
            if (!int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year) || year is < 1000 or > 9999)
                return Refuse(WebDeskTexts.BadYear(typed));
        }
        else
        {
            year = PlanDesk.YearIn(fileName) ?? visitor.Today.Year;
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        var (request, refusal) = await desk.ReadUploadAsync(visitor.Snapshot.Council, visitor.Actor.MemberId, content, fileName, year, ct);
        if (refusal is not null) return Refuse(DeskRefusalWords.Of(refusal).Plain);
        long draftId;
        await using (var connection = await database.OpenAsync(ct)) draftId = await desk.AddAsync(connection, null, request!, ct);
        WebLog.PlanPreviewed(logger, visitor.Actor.MemberId, visitor.Snapshot.Council.Id, draftId, year);
        return WebResults.SeeOther(PlanUploadPaths.Draft(visitor, draftId));
    }

    private static async Task<IResult> PreviewAsync(
        HttpContext context, string slug, string id, WebVisitors visitors, IAntiforgery antiforgery, PlanDesk desk, PlanDraftStore drafts, CancellationToken ct)
    {
        if (await visitors.ResolveAsync(context, slug, ct) is not { Manages: true } visitor
            || await FindAsync(visitor, id, drafts, ct) is not { } draft) return WebResults.NotFound(context);
        var token = WebResults.Token(antiforgery, context);
        if (await desk.CheckAsync(draft, visitor.Snapshot.Council.Id, visitor.Actor.MemberId, ct) is { } refusal)
            return WebResults.Page(PlanUploadPage.Preview(visitor, draft.Id, DeskRefusalWords.Of(refusal), actionable: false, token));
        var preview = await desk.PreviewAsync(draft, ct);
        var text = DeskTexts.Preview(preview, CouncilClock.ToLocal(draft.ExpiresAt, visitor.Snapshot.Zone));
        return WebResults.Page(PlanUploadPage.Preview(visitor, draft.Id, text, actionable: true, token));
    }

    private static async Task<IResult> ImportAsync(
        HttpContext context, string slug, string id, WebVisitors visitors, IAntiforgery antiforgery, PlanDesk desk, PlanDraftStore drafts,
        Database database, ReplyService replies, ILogger<PlanDesk> logger, CancellationToken ct)
    {
        var (visitor, draft, failure) = await PressAsync(context, slug, id, visitors, antiforgery, desk, drafts, logger, ct);
        if (failure is not null) return failure;
        var councilId = visitor!.Snapshot.Council.Id;
        PlanImportOutcome? outcome;
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            outcome = await desk.ImportAsync(connection, tx, draft!, ct);
            await tx.CommitAsync(ct);
        }
        if (outcome is null) return Back(context, visitor, DeskTexts.AlreadySettled(imported: true), refused: true);
        await replies.ChangedAsync(councilId, ct);
        WebLog.PlanImported(logger, visitor.Actor.MemberId, councilId, draft!.Id, draft.Year);
        int? replaced = visitor.Snapshot.Plan is { } current && current.Year < draft.Year ? current.Year : null;
        return Back(context, visitor, outcome.Unchanged ? DeskTexts.Unchanged(draft.Year)
            : DeskTexts.Imported(draft.Year, outcome.Added, outcome.Updated, outcome.Removed, replaced), refused: false);
    }

    private static async Task<IResult> CancelAsync(
        HttpContext context, string slug, string id, WebVisitors visitors, IAntiforgery antiforgery, PlanDesk desk, PlanDraftStore drafts,
        Database database, TimeProvider time, ILogger<PlanDesk> logger, CancellationToken ct)
    {
        var (visitor, draft, failure) = await PressAsync(context, slug, id, visitors, antiforgery, desk, drafts, logger, ct);
        if (failure is not null) return failure;
        bool settled;
        await using (var connection = await database.OpenAsync(ct))
            settled = await PlanDraftStore.SettleAsync(connection, null, draft!.Id, imported: false, time.GetUtcNow(), ct);
        return settled ? Back(context, visitor!, DeskTexts.Cancelled, refused: false) : Back(context, visitor!, DeskTexts.AlreadySettled(imported: false), refused: true);
    }

    /// <summary>A press on the preview's buttons: the manager's own draft (else 404), the form's token, the desk's checks.</summary>
    private static async Task<(WebVisitor? Visitor, PlanDraft? Draft, IResult? Failure)> PressAsync(
        HttpContext context, string slug, string id, WebVisitors visitors, IAntiforgery antiforgery, PlanDesk desk, PlanDraftStore drafts,
        ILogger logger, CancellationToken ct)
    {
        if (await visitors.ResolveAsync(context, slug, ct) is not { Manages: true } visitor
            || await FindAsync(visitor, id, drafts, ct) is not { } draft) return (null, null, WebResults.NotFound(context));
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            WebLog.FormRefused(logger, context.Request.Path);
            return (null, null, WebResults.FormExpired());
        }
        if (await desk.CheckAsync(draft, visitor.Snapshot.Council.Id, visitor.Actor.MemberId, ct) is { } refusal)
        {
            WebLog.PlanUploadRefused(logger, visitor.Actor.MemberId, visitor.Snapshot.Council.Id, refusal.GetType().Name);
            return (null, null, Back(context, visitor, DeskRefusalWords.Of(refusal).Plain, refused: true));
        }
        return (visitor, draft, null);
    }

    /// <summary>The visitor's own draft of this council; another's or none is not found (no oracle).</summary>
    private static async Task<PlanDraft?> FindAsync(WebVisitor visitor, string id, PlanDraftStore drafts, CancellationToken ct) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var draftId)
        && await drafts.FindAsync(draftId, ct) is { } draft && draft.CouncilId == visitor.Snapshot.Council.Id && draft.MemberId == visitor.Actor.MemberId
            ? draft
            : null;

    /// <summary>To the year page, with what happened.</summary>
    private static IResult Back(HttpContext context, WebVisitor visitor, string text, bool refused)
    {
        Flash.Set(context, new PageNotice(text, refused));
        return WebResults.SeeOther(visitor.PathTo());
    }
}
