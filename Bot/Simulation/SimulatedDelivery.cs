using System.Globalization;

namespace NokoBot.Simulation;

/// <summary>One (message, item) the simulation delivered (the <c>deliveries</c> rows of <c>simulate --json</c>).</summary>
/// <param name="At">In the council's offset.</param>
/// <param name="Item">The item number; null for a digest, an agenda or the year's-end note.</param>
/// <param name="Message">The message it went out in: the same for every item of one message.</param>
public sealed record SimulatedDelivery(DateTimeOffset At, string Kind, string? Item, string Recipient, string Channel, bool Late, string Message);

/// <summary>Collects what the simulated channels delivered, stamped with virtual council-local time.</summary>
public sealed class SimulationRecorder(TimeProvider clock, TimeZoneInfo zone)
{
    private readonly List<SimulatedDelivery> _deliveries = [];
    private int _messages;

    public IReadOnlyList<SimulatedDelivery> Deliveries => _deliveries;

    /// <summary>How many messages went out (a message may carry several items).</summary>
    public int Messages => _messages;

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);

    /// <summary>Records one message: an entry per item it carries (one entry when it is about no item).</summary>
    public void Add(IEnumerable<(string Kind, string? Item)> entries, string recipient, string channel, bool late)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var id = (++_messages).ToString(CultureInfo.InvariantCulture);
        foreach (var (kind, item) in entries) _deliveries.Add(new SimulatedDelivery(LocalNow, kind, item, recipient, channel, late, id));
    }
}
