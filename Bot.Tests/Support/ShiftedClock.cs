namespace NokoBot.Tests.Support;

/// <summary>
/// Real time, shifted to start at a chosen instant: timers and delays run for real (rate limits, retry_after),
/// while "today" is the plan's year.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_started);
}
