namespace NokoBot.Telegram;

/// <summary>What to do with a plan upload under the per-minute limit.</summary>
public enum UploadVerdict { Allowed, RefuseWithAnswer, RefuseSilently }

/// <summary>
/// Plan uploads are read and previewed, which costs a download and a parse: a few a minute per person. A flood of
/// them gets one answer saying so, then silence until the minute has passed; nothing is downloaded meanwhile.
/// </summary>
public sealed class UploadGuard(TimeProvider time, int perMinute)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, (Queue<DateTimeOffset> Allowed, DateTimeOffset? Told)> _users = [];

    public UploadVerdict Check(long userId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_users.TryGetValue(userId, out var user)) user = (new Queue<DateTimeOffset>(), null);
            while (user.Allowed.Count > 0 && now - user.Allowed.Peek() >= TimeSpan.FromMinutes(1)) user.Allowed.Dequeue();
            UploadVerdict verdict;
            if (user.Allowed.Count < perMinute)
            {
                user.Allowed.Enqueue(now);
                verdict = UploadVerdict.Allowed;
            }
            else if (user.Told is { } told && now - told < TimeSpan.FromMinutes(1))
            {
                verdict = UploadVerdict.RefuseSilently;
            }
            else
            {
                user.Told = now;
                verdict = UploadVerdict.RefuseWithAnswer;
            }
            if (_users.Count > 10_000) _users.Clear();
            _users[userId] = user;
            return verdict;
        }
    }
}
