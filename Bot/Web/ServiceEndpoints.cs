using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Data.Common;
using NokoBot.Storage;

namespace NokoBot.Web;

/// <summary>What the pages need besides pages: the stylesheet, and the health check for a container's orchestrator.</summary>
public static class ServiceEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/site.{hash}.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(Assets.StylesheetBytes, "text/css; charset=utf-8");
        });
        endpoints.MapGet("/healthz", HealthAsync);
    }

    /// <summary>
    /// <c>{"status":"ok","sweptUntil":"…Z","pendingDeliveries":N}</c>: the database answers, when the scheduler last
    /// looked for councils to take on (each minute while it runs: a stale value means a stalled scheduler) and the
    /// ledger's backlog; 503 when the database does not answer.
    /// </summary>
    private static async Task<IResult> HealthAsync(StateStore state, DeliveryLedger ledger, CancellationToken ct)
    {
        try
        {
            var swept = await state.GetInstantAsync(StateKeys.SweptUntil, ct);
            var pending = await ledger.CountPendingAsync(ct);
            return Results.Json(new Health("ok", swept?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), pending));
        }
        catch (DbException)
        {
            return Results.Json(new Health("unavailable", null, null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private sealed record Health(string Status, string? SweptUntil, int? PendingDeliveries);
}
