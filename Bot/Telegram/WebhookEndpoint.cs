using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Web;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NokoBot.Telegram;

/// <summary>
/// Webhook mode's way in, on the pages' Kestrel at the path of <c>Telegram:WebhookUrl</c>: Telegram POSTs one Update
/// as JSON with the secret in <c>X-Telegram-Bot-Api-Secret-Token</c>; the update goes through the same
/// <see cref="UpdateProcessor"/> as a polled one, deduplicated by its update_id in the transaction of its effects.
/// </summary>
/// <remarks>
/// The answer is 200 once the update_id is committed — with the effects, or alone when the handler (or its writes)
/// failed, after logging: Telegram resends anything else until it gets a 2xx, so a poison update answered 500 would
/// come back forever and hold up the ones behind it; the polling receiver skips it the same way. 500 is answered only
/// when not even the update_id could be written (the database is down): nothing was committed, so the resend is
/// wanted and safe.
/// </remarks>
public sealed class WebhookEndpoint(
    UpdateProcessor processor, IOptions<TelegramOptions> options, IHostApplicationLifetime lifetime, ILogger<WebhookEndpoint> logger) : IWebEndpoints, IDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>An update is a few kilobytes; anything this size is not one.</summary>
    private const long MaxBody = 1024 * 1024;

    // Updates are handled one at a time, as polling does: the handlers decide against the council as the previous
    // update left it, and Telegram may open several connections at once.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(options.Value.WebhookPath, TakeAsync);

    private async Task<IResult> TakeAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1)
            return Refuse(context, StatusCodes.Status401Unauthorized);
        if (!SameSecret(given.ToString(), options.Value.WebhookSecret ?? ""))
            return Refuse(context, StatusCodes.Status403Forbidden);

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBody;
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, ct);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException)
        {
            TelegramLog.WebhookBadBody(logger, e);
            return Results.BadRequest();
        }
        if (update is null)
        {
            TelegramLog.WebhookBadBody(logger, null);
            return Results.BadRequest();
        }

        await _oneAtATime.WaitAsync(ct);
        // Once read, the update is seen through to its answers even if Telegram hangs up meanwhile (its resend is then
        // a repeat); only the service stopping cuts it short.
        var stopping = lifetime.ApplicationStopping;
        try
        {
            if (!await processor.ProcessOnceAsync(update, stopping)) TelegramLog.WebhookRepeat(logger, update.Id);
            return Results.Ok();
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            TelegramLog.WebhookNotRecorded(logger, e, update.Id);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private IResult Refuse(HttpContext context, int status)
    {
        TelegramLog.WebhookRejected(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?", status);
        return Results.StatusCode(status);
    }

    /// <summary>Constant time, length included: both sides are hashed first, so only equal-length digests are compared.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
