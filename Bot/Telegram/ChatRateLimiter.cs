namespace NokoBot.Telegram;

/// <summary>
/// Keeps sends within the Bot API's limits: a global rate (≈30 messages/s), one message per second to a private
/// chat, 20 per minute to a group (negative chat id). Waits on the injected clock, so tests can move it. With several
/// instances sending, <paramref name="instances"/> says how many are live and the global rate is split evenly among them
/// (the per-chat spacing across instances is the delivery claims' business).
/// </summary>
public sealed class ChatRateLimiter(TimeProvider time, int globalPerSecond, int groupPerMinute, Func<int>? instances = null)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, DateTimeOffset> _nextForChat = [];

    public async Task WaitAsync(long chatId, CancellationToken ct)
    {
        while (true)
        {
            var delay = Reserve(chatId);
            if (delay <= TimeSpan.Zero) return;
            await Task.Delay(delay, time, ct);
        }
    }

    /// <summary>Takes a slot now and returns zero, or says how long to wait before asking again.</summary>
    private TimeSpan Reserve(long chatId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromSeconds(1)) _recent.Dequeue();
            var share = Math.Max(1, globalPerSecond / Math.Max(1, instances?.Invoke() ?? 1));
            var waitGlobal = _recent.Count >= share ? _recent.Peek() + TimeSpan.FromSeconds(1) - now : TimeSpan.Zero;
            var waitChat = _nextForChat.TryGetValue(chatId, out var next) && next > now ? next - now : TimeSpan.Zero;
            var wait = waitGlobal > waitChat ? waitGlobal : waitChat;
            if (wait > TimeSpan.Zero) return wait;
            _recent.Enqueue(now);
            _nextForChat[chatId] = now + (chatId < 0 ? TimeSpan.FromMinutes(1.0 / groupPerMinute) : TimeSpan.FromSeconds(1));
            if (_nextForChat.Count > 10_000) Prune(now);
            return TimeSpan.Zero;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var chat in _nextForChat.Where(p => p.Value <= now).Select(p => p.Key).ToList()) _nextForChat.Remove(chat);
    }
}
