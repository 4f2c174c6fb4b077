namespace NokoBot.Delivery;

/// <summary>
/// Deliveries rendered ahead (digests, agendas) that a channel sends in batches. The scheduler's sweep calls every
/// outbox after the reminders, so retries wake up with the sweep instead of a polling loop.
/// </summary>
public interface IOutbox
{
    /// <returns>How many were sent.</returns>
    Task<int> DispatchDueAsync(CancellationToken ct);
}
