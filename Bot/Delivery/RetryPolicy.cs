namespace NokoBot.Delivery;

/// <summary>The one retry policy of every delivery on every channel.</summary>
public static class RetryPolicy
{
    /// <summary>About a day of tries (the back-off reaches an hour after seven): then the delivery is given up.</summary>
    public const int MaxAttempts = 30;

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>30 s, 1 min, 2 min … after the n-th failed attempt (0-based), at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Clamp(attempts, 0, 12))));

    /// <summary>When to try again after a transient failure, or null when the delivery should be given up.</summary>
    /// <param name="serverSaid">The wait the server asked for (Telegram's retry_after).</param>
    public static DateTimeOffset? RetryAt(int attempts, DateTimeOffset now, TimeSpan? serverSaid) =>
        attempts + 1 < MaxAttempts ? now + (serverSaid ?? Backoff(attempts)) : null;
}
