using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NokoBot.Tests.Fakes;

/// <summary>
/// A small Telegram Bot API server on 127.0.0.1 for tests: it speaks the JSON of the methods NokoBot uses, lets a test
/// push updates as users would, records every call, and can enforce Telegram's limits or inject failures. The
/// real Telegram.Bot client talks to it over HTTP.
/// </summary>
public sealed class FakeTelegramBotApi : IAsyncDisposable
{
    public const string Token = "123456789:AAFakeTokenForNokoBotTests_abcdefghij";
    public const string BotUsername = "noko_test_bot";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _updates = [];
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Dictionary<long, DateTimeOffset> _lastToChat = [];
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groupSends = [];
    private readonly SemaphoreSlim _updateArrived = new(0);
    private readonly List<int> _pollOffsets = [];
    private readonly HashSet<long> _blocked = [];
    private int _nextUpdateId = 1;
    private int _nextMessageId = 1000;

    public sealed record ApiCall(string Method, JsonObject Body, DateTimeOffset At);

    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    /// <summary>A file the bot sent (sendDocument).</summary>
    public sealed record SentDocument(long ChatId, string FileName, byte[] Content, string? Caption);

    public ConcurrentQueue<SentDocument> Documents { get; } = new();

    /// <summary>
    /// Answer sends that break Telegram's limits with 429 (1 message per second per chat, 30 per second overall, 20 per
    /// minute per group chat).
    /// </summary>
    public bool EnforceLimits { get; set; }

    private int _limitViolations;
    private int _perChatViolations;
    private int _groupViolations;

    /// <summary>Sends refused with 429 for breaking a limit (any one).</summary>
    public int LimitViolations => Volatile.Read(ref _limitViolations);

    /// <summary>Of those, the ones that broke the one-per-second limit of a chat.</summary>
    public int PerChatViolations => Volatile.Read(ref _perChatViolations);

    /// <summary>Of those, the ones that broke the 20-per-minute limit of a group chat (a negative chat id).</summary>
    public int GroupViolations => Volatile.Read(ref _groupViolations);

    public const int GroupMessagesPerMinute = 20;

    /// <summary>What a call recorded under this suffix means: the fake served it, then dropped the connection instead of answering.</summary>
    public const string AnswerLost = ":answer-lost";

    /// <summary>Lets a test fail a call: return (status, error description, retry_after) or null to serve it.</summary>
    public Func<string, JsonObject, (int Status, string Description, int? RetryAfter)?>? Fault { get; set; }

    /// <summary>
    /// Network trouble: hang (until the client gives up) or drop the connection before the call is served, or serve it
    /// and then lose the answer (<see cref="Disruption.LoseAnswer"/>).
    /// </summary>
    public Func<string, JsonObject, Disruption>? Disrupt { get; set; }

    /// <summary>How long a hung call hangs; a client still waiting after that is served normally.</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock that stamps calls and judges the limits (a test's scaled clock, or real time).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Jitter forgiven when judging the limits: two processes' timers and a loopback hop never agree exactly.</summary>
    public TimeSpan LimitSlack { get; set; } = TimeSpan.FromMilliseconds(50);

    public enum Disruption
    {
        None,
        Hang,
        Drop,

        /// <summary>
        /// The ambiguous failure: the call is served (a sendMessage is delivered and recorded as accepted), then the
        /// connection is dropped instead of answering, so the client cannot know it went through. Recorded once more as
        /// <c>method + AnswerLost</c>. A call refused by <see cref="Fault"/> or the limits is answered as usual.
        /// </summary>
        LoseAnswer,
    }

    public string BaseUrl { get; }

    private FakeTelegramBotApi(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeTelegramBotApi> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeTelegramBotApi? api = null;
        // "/bot<token>/<method>": the token sits in the same path segment as the word "bot".
        app.MapPost("/{botToken}/{method}", async (string botToken, string method, HttpContext http) =>
            await api!.HandleAsync(botToken.StartsWith("bot", StringComparison.Ordinal) ? botToken[3..] : "", method, http));
        app.MapGet("/file/{botToken}/{**path}", (string botToken, string path) =>
            botToken == "bot" + Token && api!.TryGetFile(path, out var bytes) ? Results.Bytes(bytes) : Results.NotFound());
        await app.StartAsync(ct);
        api = new FakeTelegramBotApi(app, app.Urls.First());
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        await _app.DisposeAsync();
    }

    // ---- the webhook ----------------------------------------------------------------------------------------

    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Webhook? _webhook;

    /// <summary>What setWebhook registered (null: none, or deleted).</summary>
    public sealed record Webhook(string Url, string? SecretToken, IReadOnlyList<string> AllowedUpdates, bool DropPendingUpdates);

    public Webhook? RegisteredWebhook
    {
        get { lock (_lock) return _webhook; }
    }

    /// <summary>
    /// Delivers a pushed update (<see cref="PushText"/> and the like return its id) as Telegram does while a webhook is
    /// set: a POST of the Update's JSON to the registered URL with the registered secret in
    /// <c>X-Telegram-Bot-Api-Secret-Token</c>. The test decides when, and how often (Telegram resends until a 2xx).
    /// </summary>
    /// <param name="secretToken">A secret of the test's own instead of the registered one.</param>
    /// <param name="omitSecret">Send no secret header at all.</param>
    /// <returns>The status the bot answered with.</returns>
    /// <param name="url">Where to post instead of the registered URL: a load balancer's choice among several instances.</param>
    public async Task<System.Net.HttpStatusCode> DeliverAsync(
        int updateId, CancellationToken ct, string? secretToken = null, bool omitSecret = false, string? url = null)
    {
        Webhook webhook;
        string json;
        lock (_lock)
        {
            webhook = _webhook ?? throw new InvalidOperationException("No webhook is set: setWebhook was not called.");
            json = _updates.Single(u => u["update_id"]!.GetValue<int>() == updateId).ToJsonString();
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url ?? webhook.Url)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (!omitSecret && (secretToken ?? webhook.SecretToken) is { } secret) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await _webhookClient.SendAsync(request, ct);
        return response.StatusCode;
    }

    private JsonValue SetWebhook(JsonObject body)
    {
        var url = body["url"]?.GetValue<string>() ?? "";
        lock (_lock)
            _webhook = url.Length == 0 ? null : new Webhook(url, body["secret_token"]?.GetValue<string>(),
                [.. (body["allowed_updates"] as JsonArray ?? []).Select(u => u!.GetValue<string>())], body["drop_pending_updates"]?.GetValue<bool>() ?? false);
        return JsonValue.Create(true);
    }

    private JsonValue DeleteWebhook()
    {
        lock (_lock) _webhook = null;
        return JsonValue.Create(true);
    }

    /// <summary>Sets a webhook as an earlier run in webhook mode would have left it.</summary>
    public void PresetWebhook(string url, string? secretToken)
    {
        lock (_lock) _webhook = new Webhook(url, secretToken, [], false);
    }

    private JsonObject WebhookInfo()
    {
        lock (_lock) return new JsonObject
        {
            ["url"] = _webhook?.Url ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = _webhook is null ? 0 : _updates.Count,
        };
    }

    // ---- what users do --------------------------------------------------------------------------------------

    /// <summary>
    /// The user of this private chat blocked the bot: from now on messages to the chat are refused with 403 Forbidden
    /// (recorded as <c>method:blocked</c>), as Telegram does.
    /// </summary>
    public void BlockBot(long chatId)
    {
        lock (_lock) _blocked.Add(chatId);
    }

    public static JsonObject User(long id, string firstName = "Мария") =>
        new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "ru" };

    public int PushText(long userId, string text, string firstName = "Мария", int? replyToMessageId = null)
    {
        var message = Message(userId, firstName);
        message["text"] = text;
        if (text.StartsWith('/'))
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
        if (replyToMessageId is { } replied) message["reply_to_message"] = new JsonObject
        {
            ["message_id"] = replied, ["date"] = Now(), ["chat"] = Chat(userId), ["text"] = "…",
        };
        return Push(new JsonObject { ["message"] = message });
    }

    public int PushGroupText(long groupChatId, long userId, string text)
    {
        var message = Message(userId, "Мария");
        message["chat"] = new JsonObject { ["id"] = groupChatId, ["type"] = "supergroup", ["title"] = "Совет" };
        message["text"] = text;
        return Push(new JsonObject { ["message"] = message });
    }

    /// <param name="replyMarkup">The keyboard of the pressed message as Telegram sends it back (the one the bot sent).</param>
    public int PushCallback(long userId, string data, int messageId, string messageText = "Напоминание", JsonNode? replyMarkup = null)
    {
        var query = new JsonObject
        {
            ["id"] = $"cb{Interlocked.Increment(ref _nextMessageId)}",
            ["from"] = User(userId),
            ["chat_instance"] = "ci",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId, ["date"] = Now(), ["chat"] = Chat(userId), ["text"] = messageText, ["reply_markup"] = replyMarkup?.DeepClone(),
            },
        };
        return Push(new JsonObject { ["callback_query"] = query });
    }

    public int PushDocument(long userId, string fileName, byte[] content, string? caption, long? claimedSize = null, int? replyToMessageId = null)
    {
        var fileId = $"file{Interlocked.Increment(ref _nextMessageId)}";
        lock (_lock) _files[$"documents/{fileId}{Path.GetExtension(fileName)}"] = content;
        var message = Message(userId, "Мария");
        message["document"] = new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = fileId + "u", ["file_name"] = fileName, ["mime_type"] = "application/octet-stream",
            ["file_size"] = claimedSize ?? content.Length,
        };
        if (caption is not null) message["caption"] = caption;
        if (replyToMessageId is { } replied) message["reply_to_message"] = new JsonObject
        {
            ["message_id"] = replied, ["date"] = Now(), ["chat"] = Chat(userId), ["text"] = "…",
        };
        return Push(new JsonObject { ["message"] = message });
    }

    private int Push(JsonObject update)
    {
        lock (_lock)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _updates.Add(update);
            _updateArrived.Release();
            return id;
        }
    }

    /// <summary>Updates not yet confirmed by a getUpdates with a later offset.</summary>
    public int PendingUpdates
    {
        get { lock (_lock) return _updates.Count; }
    }

    /// <summary>
    /// The offset of every getUpdates served, in order. The receiver polls again only after it handled what the last
    /// poll brought, so a poll is the observable point "every update before this offset has been handled".
    /// </summary>
    public IReadOnlyList<int> PollOffsets
    {
        get { lock (_lock) return [.. _pollOffsets]; }
    }

    public IReadOnlyList<ApiCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Accepted messages that carry inline buttons (reminders do): the chat, the first button's data, when.</summary>
    public IReadOnlyList<(long ChatId, string ButtonData, DateTimeOffset At)> ButtonMessages() =>
        [.. CallsTo("sendMessage")
            .Select(c => (Chat: c.Body["chat_id"]!.GetValue<long>(), Data: c.Body["reply_markup"]?["inline_keyboard"]?[0]?[0]?["callback_data"]?.GetValue<string>(), c.At))
            .Where(c => c.Data is not null)
            .Select(c => (c.Chat, c.Data!, c.At))];

    public IReadOnlyList<string> TextsTo(long chatId) =>
        [.. Calls.Where(c => c.Method is "sendMessage" && c.Body["chat_id"]?.GetValue<long>() == chatId).Select(c => c.Body["text"]!.GetValue<string>())];

    // ---- the server -----------------------------------------------------------------------------------------

    private async Task<IResult> HandleAsync(string token, string method, HttpContext http)
    {
        if (token != Token) return Error(401, "Unauthorized");
        JsonObject body;
        try
        {
            body = http.Request.HasJsonContentType() ? (await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [])
                : http.Request.HasFormContentType ? await FormAsync(http.Request)
                : [];
        }
        catch (JsonException)
        {
            return Error(400, "Bad Request: can't parse JSON");
        }
        var disruption = Disrupt?.Invoke(method, body) ?? Disruption.None;
        if (disruption is Disruption.Hang or Disruption.Drop)
        {
            Calls.Enqueue(new ApiCall(method + ":" + disruption.ToString().ToLowerInvariant(), body, Clock.GetUtcNow()));
            if (disruption == Disruption.Drop)
            {
                http.Abort();
                return Results.Empty;
            }
            try
            {
                await Task.Delay(HangFor, Clock, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        var at = Clock.GetUtcNow();
        if (method != "getUpdates" && Fault?.Invoke(method, body) is { } fault)
        {
            Calls.Enqueue(new ApiCall(method + ":fault", body, at));
            return Error(fault.Status, fault.Description, fault.RetryAfter);
        }
        if (method is "sendMessage" or "editMessageText" && IsBlocked(body["chat_id"]?.GetValue<long>() ?? 0))
        {
            Calls.Enqueue(new ApiCall(method + ":blocked", body, at));
            return Error(403, "Forbidden: bot was blocked by the user");
        }
        if (method is "sendMessage" or "editMessageText" && EnforceLimits && Violates(body["chat_id"]?.GetValue<long>() ?? 0, at) is { } retryAfter)
        {
            Interlocked.Increment(ref _limitViolations);
            return Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
        }
        if (method == "getUpdates" && RegisteredWebhook is not null)
            return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        if (method != "getUpdates") Calls.Enqueue(new ApiCall(method, body, at));
        var result = method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "NokoBot", ["username"] = BotUsername }),
            "getUpdates" => Ok(await GetUpdatesAsync(body, http.RequestAborted)),
            "sendMessage" => Ok(SentMessage(body)),
            "editMessageText" or "editMessageReplyMarkup" => Ok(SentMessage(body, body["message_id"]?.GetValue<int>())),
            "sendDocument" => Ok(SentMessage(body)),
            "answerCallbackQuery" or "setMyCommands" => Ok(JsonValue.Create(true)),
            "setWebhook" => Ok(SetWebhook(body)),
            "deleteWebhook" => Ok(DeleteWebhook()),
            "getWebhookInfo" => Ok(WebhookInfo()),
            "getFile" => Ok(new JsonObject
            {
                ["file_id"] = body["file_id"]?.GetValue<string>(),
                ["file_unique_id"] = "u",
                ["file_path"] = FilePath(body["file_id"]?.GetValue<string>() ?? ""),
            }),
            _ => Error(404, $"Not Found: method {method} not faked"),
        };
        if (disruption != Disruption.LoseAnswer) return result;
        // Served (and recorded above), but the client never hears so.
        Calls.Enqueue(new ApiCall(method + AnswerLost, body, at));
        http.Abort();
        return Results.Empty;
    }

    /// <summary>
    /// A multipart request (sendDocument): its fields as JSON (numbers as numbers), and each file kept in
    /// <see cref="Documents"/>.
    /// </summary>
    private async Task<JsonObject> FormAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var body = new JsonObject();
        foreach (var (key, value) in form)
            body[key] = long.TryParse(value.ToString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? JsonValue.Create(n) : JsonValue.Create(value.ToString());
        foreach (var file in form.Files)
        {
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory);
            body[file.Name] = file.FileName;
            Documents.Enqueue(new SentDocument(body["chat_id"]?.GetValue<long>() ?? 0, file.FileName, memory.ToArray(), body["caption"]?.GetValue<string>()));
        }
        return body;
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        lock (_lock) _pollOffsets.Add(offset);
        var timeout = Math.Min(body["timeout"]?.GetValue<int>() ?? 0, 2);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            lock (_lock)
            {
                // An offset confirms everything before it: Telegram forgets those updates.
                _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < offset);
                if (_updates.Count > 0 || DateTime.UtcNow >= deadline)
                    return new JsonArray([.. _updates.Take(body["limit"]?.GetValue<int>() ?? 100).Select(u => u.DeepClone())]);
            }
            try
            {
                await _updateArrived.WaitAsync(TimeSpan.FromMilliseconds(100), ct);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    /// <returns>null when the send keeps to the limits (it is then counted against them), else the retry_after in seconds.</returns>
    private int? Violates(long chatId, DateTimeOffset at)
    {
        lock (_lock)
        {
            var second = TimeSpan.FromSeconds(1) - LimitSlack;
            while (_recentSends.Count > 0 && at - _recentSends.Peek() >= second) _recentSends.Dequeue();
            var perChat = _lastToChat.TryGetValue(chatId, out var last) && at - last < second;
            var global = _recentSends.Count >= 30;
            var minute = TimeSpan.FromMinutes(1) - LimitSlack;
            Queue<DateTimeOffset>? group = null;
            if (chatId < 0)
            {
                if (!_groupSends.TryGetValue(chatId, out group)) _groupSends[chatId] = group = new Queue<DateTimeOffset>();
                while (group.Count > 0 && at - group.Peek() >= minute) group.Dequeue();
            }
            var groupFull = group is { Count: >= GroupMessagesPerMinute };
            if (perChat) Interlocked.Increment(ref _perChatViolations);
            if (groupFull) Interlocked.Increment(ref _groupViolations);
            if (groupFull) return Math.Max(1, (int)Math.Ceiling((group!.Peek() + minute - at).TotalSeconds));
            if (perChat || global) return 1;
            _lastToChat[chatId] = at;
            _recentSends.Enqueue(at);
            group?.Enqueue(at);
            return null;
        }
    }

    private bool IsBlocked(long chatId)
    {
        lock (_lock) return _blocked.Contains(chatId);
    }

    private JsonObject SentMessage(JsonObject body, int? messageId = null) => new()
    {
        ["message_id"] = messageId ?? Interlocked.Increment(ref _nextMessageId),
        ["date"] = Now(),
        ["chat"] = Chat(body["chat_id"]?.GetValue<long>() ?? 0),
        ["text"] = body["text"]?.GetValue<string>() ?? "",
    };

    private string? FilePath(string fileId)
    {
        lock (_lock) return _files.Keys.FirstOrDefault(k => k.StartsWith($"documents/{fileId}.", StringComparison.Ordinal) || k == $"documents/{fileId}");
    }

    private bool TryGetFile(string path, out byte[] bytes)
    {
        lock (_lock) return _files.TryGetValue(path, out bytes!);
    }

    private JsonObject Message(long userId, string firstName) => new()
    {
        ["message_id"] = Interlocked.Increment(ref _nextMessageId),
        ["from"] = User(userId, firstName),
        ["chat"] = Chat(userId),
        ["date"] = Now(),
    };

    private static JsonObject Chat(long id) => new() { ["id"] = id, ["type"] = id < 0 ? "group" : "private", ["first_name"] = "Мария" };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static IResult Ok(JsonNode result) => Json(new JsonObject { ["ok"] = true, ["result"] = result }, 200);

    private static IResult Json(JsonObject body, int status) => Results.Text(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);

    private static IResult Error(int status, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter is { } seconds) body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return Json(body, status);
    }
}
