namespace NokoBot.Delivery;

/// <summary>
/// Told when a council's plan state changed (a reply, an event, a meeting): what is due may have changed, so the
/// scheduler plans again soon. The service's scheduler implements it; elsewhere (the CLI) nothing needs telling.
/// </summary>
public interface IPlanChanges
{
    Task ChangedAsync(long councilId, CancellationToken ct);
}
