using System.Collections.Concurrent;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;

namespace NokoBot.Tests.Support;

/// <summary>
/// A channel that records what the outbox hands it, for tests of the delivery side alone (the real Telegram and
/// email channels are tested against their servers). It can be told to fail.
/// </summary>
public sealed class RecordingChannel(string name) : IDeliveryChannel
{
    public string Name { get; } = name;

    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();

    public Func<OutgoingMessage, SendOutcome?>? Fail { get; set; }

    /// <summary>Each reminder sent, with whom it went to.</summary>
    public IReadOnlyList<(ReminderNotice Notice, Recipient To)> Reminders =>
        [.. Sent.OfType<ReminderMessage>().SelectMany(m => m.Items.Select(n => (n, m.To)))];

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (Fail?.Invoke(message) is { } failure) return Task.FromResult(failure);
        Sent.Enqueue(message);
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent("ext-" + Sent.Count));
    }
}
