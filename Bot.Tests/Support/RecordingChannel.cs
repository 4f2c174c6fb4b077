using System.Collections.Concurrent;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;

namespace NokoBot.Tests.Support;

/// <summary>
/// A channel that records what the pipeline hands it, for tests of the scheduling side alone (the real Telegram and
/// email channels are tested against their servers). It can be told to fail.
/// </summary>
public sealed class RecordingChannel(string name) : IReminderChannel
{
    public string Name { get; } = name;

    public ConcurrentQueue<(ReminderNotice Notice, MemberContact Member)> Sent { get; } = new();

    public Func<ReminderNotice, MemberContact, SendOutcome?>? Fail { get; set; }

    public Task<SendOutcome> SendReminderAsync(ReminderNotice notice, MemberContact recipient, CancellationToken ct)
    {
        if (Fail?.Invoke(notice, recipient) is { } failure) return Task.FromResult(failure);
        Sent.Enqueue((notice, recipient));
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent("ext-" + Sent.Count));
    }
}
