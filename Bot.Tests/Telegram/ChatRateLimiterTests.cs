using Microsoft.Extensions.Time.Testing;
using NokoBot.Telegram;

namespace NokoBot.Tests.Telegram;

public sealed class ChatRateLimiterTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 22, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Alone_an_instance_takes_the_whole_global_rate()
    {
        var limiter = new ChatRateLimiter(_time, 30, 20);

        for (var chat = 1; chat <= 30; chat++) await limiter.WaitAsync(chat, _ct);
        var thirtyFirst = limiter.WaitAsync(31, _ct);

        Assert.False(thirtyFirst.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await thirtyFirst;
    }

    [Fact]
    public async Task With_three_live_instances_each_takes_a_third_of_the_global_rate()
    {
        var live = 3;
        var limiter = new ChatRateLimiter(_time, 30, 20, () => live);

        for (var chat = 1; chat <= 10; chat++) await limiter.WaitAsync(chat, _ct);
        var eleventh = limiter.WaitAsync(11, _ct);
        Assert.False(eleventh.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await eleventh;

        // One of the others stopped sending: the share grows at the next count.
        live = 2;
        for (var chat = 12; chat <= 25; chat++) await limiter.WaitAsync(chat, _ct);
        var sixteenth = limiter.WaitAsync(26, _ct);
        Assert.False(sixteenth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await sixteenth;
    }
}
