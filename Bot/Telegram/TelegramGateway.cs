using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Delivery;
using Polly;
using Polly.Retry;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace NokoBot.Telegram;

/// <summary>
/// The one way NokoBot writes to Telegram: within the rate limits, HTML parse mode, long texts split under 4096
/// characters. Reminders get one attempt, classified for the dispatcher (the retry owner for deliveries); answers
/// to a member who is waiting are retried briefly here (429 honours retry_after).
/// </summary>
public sealed class TelegramGateway
{
    public const int MaxLength = 4096;

    private readonly ITelegramBotClient _bot;
    private readonly ChatRateLimiter _limiter;
    private readonly InstanceHeartbeat _heartbeat;
    private readonly ILogger<TelegramGateway> _logger;
    private readonly ResiliencePipeline _answers;
    private readonly TimeProvider _time;
    private readonly TimeSpan _sendTimeout;

    public TelegramGateway(
        ITelegramBotClient bot, ChatRateLimiter limiter, InstanceHeartbeat heartbeat, IOptions<TelegramOptions> options, TimeProvider time,
        ILogger<TelegramGateway> logger)
    {
        _bot = bot;
        _limiter = limiter;
        _heartbeat = heartbeat;
        _logger = logger;
        _time = time;
        _sendTimeout = TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds);
        _answers = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                ShouldHandle = new PredicateBuilder()
                    .Handle<ApiRequestException>(e => e.ErrorCode == 429 || e.ErrorCode >= 500)
                    .Handle<RequestException>(e => e is not ApiRequestException)
                    .Handle<HttpRequestException>(),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ApiRequestException { Parameters.RetryAfter: int seconds } ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null),
            })
            .Build();
    }

    public ITelegramBotClient Bot => _bot;

    /// <summary>One attempt at a delivery, for the dispatcher: the outcome says whether to retry, fall back or give up.</summary>
    public async Task<SendOutcome> TrySendAsync(long chatId, string html, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            return new SendOutcome.Sent(await SendPartsAsync(chatId, html, markup, ct));
        }
        catch (ApiRequestException e)
        {
            return Classify(e);
        }
        catch (RequestException e)
        {
            // Not an answer from the Bot API: the connection broke or timed out before one came.
            return new SendOutcome.Retry("network: " + (e.InnerException?.Message ?? e.Message));
        }
        catch (HttpRequestException e)
        {
            return new SendOutcome.Retry("network: " + e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendOutcome.Retry($"no answer in {_sendTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>An answer to a member: retried a little, then logged — a lost answer must not lose the update.</summary>
    public async Task ReplyAsync(long chatId, string html, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            await _answers.ExecuteAsync(async token => await SendPartsAsync(chatId, html, markup, token), ct);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            TelegramLog.ResponseFailed(_logger, e, chatId);
        }
    }

    public async Task EditAsync(long chatId, int messageId, string html, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            await _answers.ExecuteAsync(async token =>
            {
                await WaitTurnAsync(chatId, token);
                await _bot.EditMessageText(chatId, messageId, Truncate(html), ParseMode.Html, replyMarkup: markup, cancellationToken: token);
            }, ct);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            TelegramLog.ResponseFailed(_logger, e, chatId);
        }
    }

    /// <summary>Replaces a message's buttons only (its text stays as sent).</summary>
    public async Task EditMarkupAsync(long chatId, int messageId, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            await _answers.ExecuteAsync(async token =>
            {
                await WaitTurnAsync(chatId, token);
                await _bot.EditMessageReplyMarkup(chatId, messageId, markup, cancellationToken: token);
            }, ct);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            TelegramLog.ResponseFailed(_logger, e, chatId);
        }
    }

    /// <summary>
    /// Sends a file (a report) within the rate limits; retried a little like any answer. The content is produced again
    /// for each attempt, so a retry sends the whole file.
    /// </summary>
    public async Task SendDocumentAsync(long chatId, Func<Stream> content, string fileName, string? captionHtml, CancellationToken ct)
    {
        try
        {
            await _answers.ExecuteAsync(async token =>
            {
                await WaitTurnAsync(chatId, token);
                await using var stream = content();
                await _bot.SendDocument(chatId, InputFile.FromStream(stream, fileName), captionHtml, ParseMode.Html, cancellationToken: token);
            }, ct);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            TelegramLog.ResponseFailed(_logger, e, chatId);
        }
    }

    public async Task AnswerCallbackAsync(string callbackId, string text, CancellationToken ct)
    {
        try
        {
            await _answers.ExecuteAsync(async token => await _bot.AnswerCallbackQuery(callbackId, text, cancellationToken: token), ct);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            TelegramLog.ResponseFailed(_logger, e, 0);
        }
    }

    public static SendOutcome Classify(ApiRequestException e) => e.ErrorCode switch
    {
        429 => new SendOutcome.Retry("429 " + e.Message, TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1))),
        403 => new SendOutcome.Unreachable("403 " + e.Message),
        // The chat is gone (the account was deleted, or the bot never had it): as unreachable as a block.
        400 when e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => new SendOutcome.Unreachable("400 " + e.Message),
        >= 500 => new SendOutcome.Retry(e.ErrorCode.ToString(CultureInfo.InvariantCulture) + " " + e.Message),
        _ => new SendOutcome.Failed(e.ErrorCode.ToString(CultureInfo.InvariantCulture) + " " + e.Message),
    };

    /// <summary>
    /// Every send to Telegram, reminder or answer, counts this instance among the live senders first (the global rate
    /// is shared by them), then waits for the rate limiter.
    /// </summary>
    private async Task WaitTurnAsync(long chatId, CancellationToken ct)
    {
        await _heartbeat.BeforeSendAsync(ct);
        await _limiter.WaitAsync(chatId, ct);
    }

    /// <returns>The id of the last message sent (the one with the buttons).</returns>
    private async Task<string> SendPartsAsync(long chatId, string html, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        var parts = Split(html);
        var last = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            await WaitTurnAsync(chatId, ct);
            // The send's own deadline starts after the limiter's wait; a hung request must not hold the queue.
            using var deadline = new CancellationTokenSource(_sendTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            var message = await _bot.SendMessage(chatId, parts[i], ParseMode.Html, replyMarkup: i == parts.Count - 1 ? markup : null, cancellationToken: linked.Token);
            last = message.MessageId;
        }
        return last.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Splits at line breaks under the limit; NokoBot's HTML never opens a tag on one line and closes it on another.</summary>
    public static IReadOnlyList<string> Split(string html)
    {
        if (html.Length <= MaxLength) return [html];
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in html.Split('\n'))
        {
            var piece = line.Length > MaxLength ? line[..(MaxLength - 1)] + "…" : line;
            if (current.Length + piece.Length + 1 > MaxLength)
            {
                parts.Add(current.ToString().TrimEnd('\n'));
                current.Clear();
            }
            current.Append(piece).Append('\n');
        }
        if (current.Length > 0) parts.Add(current.ToString().TrimEnd('\n'));
        return parts;
    }

    private static string Truncate(string html) => html.Length <= MaxLength ? html : Split(html)[0];
}
