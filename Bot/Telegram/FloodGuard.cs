namespace NokoBot.Telegram;

/// <summary>
/// Updates are handled one at a time and answers respect 1 message/s per chat, so a user sending dozens of messages
/// would hold everyone else up. Past a few answers a minute, a user's further updates are still recorded but not
/// answered.
/// </summary>
public sealed class FloodGuard(TimeProvider time, int answersPerMinute = 10)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _answered = [];

    public bool AllowAnswer(long userId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_answered.TryGetValue(userId, out var recent)) _answered[userId] = recent = new Queue<DateTimeOffset>();
            while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromMinutes(1)) recent.Dequeue();
            if (recent.Count >= answersPerMinute) return false;
            recent.Enqueue(now);
            if (_answered.Count > 10_000) _answered.Clear();
            return true;
        }
    }
}
