namespace NokoBot.Simulation;

/// <summary>A clock the simulator moves by hand: the whole pipeline reads time from it, so a year passes in seconds.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant < _now) throw new ArgumentOutOfRangeException(nameof(instant), "Virtual time only moves forward.");
        _now = instant.ToUniversalTime();
    }
}
