namespace NokoBot.Delivery;

/// <summary>A way to reach people (Telegram, email, the simulator's files): renders and sends one message, classifies the result.</summary>
public interface IDeliveryChannel
{
    /// <summary>The ledger's channel name (<see cref="Channels"/>).</summary>
    string Name { get; }

    Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct);
}
