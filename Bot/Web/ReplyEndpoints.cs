using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>
/// Acting on the plan from the web: every form becomes a <see cref="ReplyRequest"/> for the one reply service, with
/// the visitor as its <see cref="Actor"/> — the chat's rules, history and replanning. Each answer is a redirect back
/// with what was recorded, or why not, in the chat's words.
/// </summary>
public static class ReplyEndpoints
{
    private const int MaxText = 1000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/c/{slug}/items/{number}/due", SetDueAsync);
        endpoints.MapPost("/c/{slug}/items/{number}/done", DoneAsync);
        endpoints.MapPost("/c/{slug}/items/{number}/postpone", PostponeAsync);
        endpoints.MapPost("/c/{slug}/events", EventAsync);
    }

    private static Task<IResult> SetDueAsync(HttpContext context, string slug, string number, Actions actions, CancellationToken ct) =>
        actions.OnItemAsync(context, slug, number, form => Forms.TryParseDate(form["date"], out var due)
            ? new ReplyRequest.SetDue(number, due) : WebPlanTexts.BadDate, ct);

    private static Task<IResult> DoneAsync(HttpContext context, string slug, string number, Actions actions, CancellationToken ct) =>
        actions.OnItemAsync(context, slug, number, form =>
        {
            var comment = Forms.Text(form["comment"]);
            if (comment?.Length > MaxText) return WebPlanTexts.TooLong;
            return new ReplyRequest.Done(number, comment, Forms.Text(form["party"]));
        }, ct);

    private static Task<IResult> PostponeAsync(HttpContext context, string slug, string number, Actions actions, CancellationToken ct) =>
        actions.OnItemAsync(context, slug, number, form =>
        {
            if (!Forms.TryParseDate(form["date"], out var to)) return WebPlanTexts.BadDate;
            var reason = Forms.Text(form["reason"]);
            return reason?.Length > MaxText ? WebPlanTexts.TooLong : new ReplyRequest.Postpone(number, to, reason);
        }, ct);

    private static async Task<IResult> EventAsync(HttpContext context, string slug, Actions actions, CancellationToken ct)
    {
        var ready = await actions.PrepareAsync(context, slug, ct);
        if (ready.Failure is { } failure) return failure;
        var (visitor, form) = (ready.Visitor!, ready.Form!);
        var back = visitor.PathTo();
        if (Forms.Text(form["name"]) is not { Length: <= 200 } name) return Actions.Refuse(context, back, WebPlanTexts.EventNameMissing);
        if (!Forms.TryParseDate(form["date"], out var on)) return Actions.Refuse(context, back, WebPlanTexts.BadDate);
        return await actions.ApplyAsync(context, visitor, new ReplyRequest.RecordEvent(name, on), back, ct);
    }

    /// <summary>What every action shares: the visitor, the anti-forgery check, the form, the reply service, the answer.</summary>
    public sealed class Actions(WebVisitors visitors, ReplyService replies, IAntiforgery antiforgery, ILogger<Actions> logger)
    {
        /// <summary>The visitor and their form; or, when either is missing, the answer to give instead.</summary>
        public sealed record Ready(WebVisitor? Visitor, IFormCollection? Form, IResult? Failure);

        public async Task<Ready> PrepareAsync(HttpContext context, string slug, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (await visitors.ResolveAsync(context, slug, ct) is not { } visitor) return new Ready(null, null, WebResults.NotFound(context));
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                WebLog.FormRefused(logger, context.Request.Path);
                return new Ready(null, null, WebResults.FormExpired());
            }
            return new Ready(visitor, await context.Request.ReadFormAsync(ct), null);
        }

        /// <param name="request">The request the form makes, or the words saying what is wrong with it.</param>
        public async Task<IResult> OnItemAsync(HttpContext context, string slug, string number, Func<IFormCollection, OneOf> request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var ready = await PrepareAsync(context, slug, ct);
            if (ready.Failure is { } failure) return failure;
            var (visitor, form) = (ready.Visitor!, ready.Form!);
            if (visitor.Snapshot.Item(number) is not { } item) return WebResults.NotFound(context);
            var back = CouncilPaths.Item(visitor.Slug, item.Number);
            return request(form) switch
            {
                { Request: { } made } => await ApplyAsync(context, visitor, made, back, ct),
                var problem => Refuse(context, back, problem.Problem!),
            };
        }

        public async Task<IResult> ApplyAsync(HttpContext context, WebVisitor visitor, ReplyRequest request, string back, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(visitor);
            var outcome = await replies.ApplyAsync(visitor.Snapshot.Council, visitor.Actor, request, ct);
            WebLog.Acted(logger, request.GetType().Name, visitor.Actor.MemberId, visitor.Snapshot.Council.Id,
                outcome.Refusal?.GetType().Name ?? "accepted");
            Flash.Set(context, outcome.Decision is ReplyDecision.Accepted accepted
                ? new PageNotice(ItemPage.Accepted(request, outcome.Item, accepted), false)
                : new PageNotice(ReplyTexts.Refusal(outcome.Refusal!), true));
            return WebResults.SeeOther(back);
        }

        public static IResult Refuse(HttpContext context, string back, string why)
        {
            Flash.Set(context, new PageNotice(why, true));
            return WebResults.SeeOther(back);
        }
    }

    /// <summary>A form's request, or what is wrong with the form.</summary>
    public sealed record OneOf(ReplyRequest? Request, string? Problem)
    {
        public static implicit operator OneOf(ReplyRequest request) => new(request, null);

        public static implicit operator OneOf(string problem) => new(null, problem);
    }
}
