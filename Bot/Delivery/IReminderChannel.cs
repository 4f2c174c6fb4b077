using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;

namespace NokoBot.Delivery;

/// <summary>A way to reach members (Telegram, email, the simulator's files). Sends one reminder, classifies the result.</summary>
public interface IReminderChannel
{
    /// <summary>The ledger's channel name (<see cref="Channels"/>).</summary>
    string Name { get; }

    Task<SendOutcome> SendReminderAsync(ReminderNotice notice, MemberContact recipient, CancellationToken ct);
}
