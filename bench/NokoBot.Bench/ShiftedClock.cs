namespace NokoBot.Bench;

/// <summary>Real time, shifted to the instant a plan needs: delays and rate limits run for real.</summary>
internal sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + System.GetElapsedTime(_started);
}
