namespace NokoBot.Simulation;

/// <summary>One message the simulation delivered (the <c>deliveries</c> rows of <c>simulate --json</c>).</summary>
/// <param name="At">In the council's offset.</param>
/// <param name="Item">The item number; null for a digest.</param>
public sealed record SimulatedDelivery(DateTimeOffset At, string Kind, string? Item, string Recipient, string Channel, bool Late);

/// <summary>Collects what the simulated channels delivered, stamped with virtual council-local time.</summary>
public sealed class SimulationRecorder(TimeProvider clock, TimeZoneInfo zone)
{
    private readonly List<SimulatedDelivery> _deliveries = [];

    public IReadOnlyList<SimulatedDelivery> Deliveries => _deliveries;

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);

    public void Add(string kind, string? item, string recipient, string channel, bool late) =>
        _deliveries.Add(new SimulatedDelivery(LocalNow, kind, item, recipient, channel, late));
}
