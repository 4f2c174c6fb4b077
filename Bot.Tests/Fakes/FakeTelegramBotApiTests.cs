using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace NokoBot.Tests.Fakes;

/// <summary>
/// The fake Bot API judges the service in other tests, so what it enforces and injects is checked here, through the
/// real Telegram.Bot client: a limit it does not enforce, or a failure it does not cause, would let those tests pass.
/// </summary>
public sealed class FakeTelegramBotApiTests : IAsyncDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2020, 6, 23, 8, 0, 0, TimeSpan.Zero));
    private FakeTelegramBotApi? _api;
    private HttpClient? _http;

    private async Task<TelegramBotClient> StartAsync()
    {
        _api = await FakeTelegramBotApi.StartAsync(_ct);
        _api.Clock = _clock;
        _http = new HttpClient();
        return new TelegramBotClient(new TelegramBotClientOptions(FakeTelegramBotApi.Token, _api.BaseUrl) { RetryThreshold = 0, RetryCount = 0 }, _http);
    }

    [Fact]
    public async Task A_group_chat_gets_twenty_messages_a_minute_and_the_twenty_first_is_refused_with_429()
    {
        var bot = await StartAsync();
        _api!.EnforceLimits = true;
        const long group = -100500;
        const long person = 501;

        // 1.5 s apart: within the one-per-second limit of a chat, so only the group's minute can refuse.
        for (var i = 0; i < FakeTelegramBotApi.GroupMessagesPerMinute; i++)
        {
            await bot.SendMessage(group, $"повестка {i}", cancellationToken: _ct);
            await bot.SendMessage(person, $"повестка {i}", cancellationToken: _ct);
            _clock.Advance(TimeSpan.FromSeconds(1.5));
        }
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(group, "лишнее", cancellationToken: _ct));
        await bot.SendMessage(person, "в личный чат можно", cancellationToken: _ct);
        _clock.Advance(TimeSpan.FromSeconds(31)); // the group's first message leaves the minute
        await bot.SendMessage(group, "снова можно", cancellationToken: _ct);

        Assert.Equal(429, refused.ErrorCode);
        Assert.InRange(refused.Parameters?.RetryAfter ?? 0, 1, 30);
        Assert.Equal((1, 1, 0), (_api.LimitViolations, _api.GroupViolations, _api.PerChatViolations));
        Assert.Equal(FakeTelegramBotApi.GroupMessagesPerMinute + 1, _api.TextsTo(group).Count);
        Assert.Equal(FakeTelegramBotApi.GroupMessagesPerMinute + 1, _api.TextsTo(person).Count);
    }

    [Fact]
    public async Task A_lost_answer_delivers_the_message_but_the_client_gets_a_network_error()
    {
        var bot = await StartAsync();
        _api!.Disrupt = (method, _) => method == "sendMessage" ? FakeTelegramBotApi.Disruption.LoseAnswer : FakeTelegramBotApi.Disruption.None;

        var error = await Assert.ThrowsAnyAsync<RequestException>(() => bot.SendMessage(501, "Напоминание", cancellationToken: _ct));

        Assert.IsNotType<ApiRequestException>(error); // no answer from the Bot API at all
        Assert.Equal(["Напоминание"], _api.TextsTo(501));
        Assert.Single(_api.CallsTo("sendMessage" + FakeTelegramBotApi.AnswerLost));
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_api is not null) await _api.DisposeAsync();
    }
}
