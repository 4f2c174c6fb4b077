namespace NokoBot.Tests.Support;

/// <summary>
/// Real time running <paramref name="speed"/> times faster from a chosen instant: timers, delays, rate limits and
/// back-offs all follow it, so a test of minutes of traffic under Telegram's limits runs in seconds. Whoever judges
/// the limits (the fake Bot API) reads the same clock.
/// </summary>
public sealed class ScaledClock(DateTimeOffset start, double speed) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public double Speed => speed;

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_started) * speed;

    public override long GetTimestamp() => _started + (long)((System.GetTimestamp() - _started) * speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    /// <summary>How long a span of this clock lasts in real time.</summary>
    public TimeSpan Real(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / speed;

    private sealed class ScaledTimer(ITimer inner, ScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Real(dueTime), clock.Real(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
