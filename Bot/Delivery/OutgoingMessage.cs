using NokoBot.Domain.Digest;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Reminders;

namespace NokoBot.Delivery;

/// <summary>Who a message goes to: a member, an address on the digest list, or the council's group chat.</summary>
/// <param name="Key">The ledger's recipient: <c>member:7</c>, <c>mail:a@b.ru</c>, <c>chat:-100123</c>.</param>
public sealed record Recipient(string Key, long? MemberId, string Name, long? TelegramChatId, string? Email);

/// <summary>
/// One message to one recipient, channel-independent: the channel renders it (Texts, plus its own markup) and sends
/// it. <see cref="Key"/> identifies the message for its whole life (a retry is the same message): channels derive
/// message ids from it.
/// </summary>
public abstract record OutgoingMessage(string Key, string CouncilName, string TimeZone, Recipient To)
{
    /// <summary>Sent after its planned time (catch-up after downtime).</summary>
    public bool Late { get; init; }
}

/// <summary>Everything due for one person at one moment: reminders about plan items, soonest first.</summary>
public sealed record ReminderMessage(string Key, string CouncilName, string TimeZone, Recipient To, IReadOnlyList<ReminderNotice> Items)
    : OutgoingMessage(Key, CouncilName, TimeZone, To)
{
    /// <summary>Next year's offer to the secretary, when it falls due with these reminders (channels add it at the end).</summary>
    public RolloverOfferMessage? Offer { get; init; }
}

/// <summary>An open item in the note that the plan's year is over.</summary>
/// <param name="Due">The due date it ended with, if it had one.</param>
public sealed record OpenItem(string Number, string Title, IReadOnlyList<string> Parties, DateOnly? Due);

/// <summary>The secretary's one note that the plan's year is over, with what is still open.</summary>
public sealed record PlanOverMessage(string Key, string CouncilName, string TimeZone, Recipient To, int Year, int ItemsTotal, IReadOnlyList<OpenItem> Open)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);

/// <summary>The secretary's offer, from 1 December, to draft next year's plan from this one.</summary>
/// <param name="Year">The new plan's year.</param>
/// <param name="Carried">Recurring and continuous items that would be carried over.</param>
/// <param name="Unfinished">One-off items left open, for the secretary to keep or drop.</param>
public sealed record RolloverOfferMessage(string Key, string CouncilName, string TimeZone, Recipient To, int Year, int Carried, int Unfinished)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);

/// <summary>The weekly committee digest.</summary>
public sealed record DigestMessage(string Key, string CouncilName, string TimeZone, Recipient To, Digest Digest)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);

/// <summary>A meeting's agenda (or its update), the morning reminder, the cancellation, or news of its protocol.</summary>
/// <param name="ClosedItems">For <see cref="MeetingNoticeKind.ProtocolAttached"/>: the recipient's items the protocol closed.</param>
public sealed record MeetingMessage(
    string Key, string CouncilName, string TimeZone, Recipient To, MeetingNoticeKind Kind, Meeting Meeting, IReadOnlyList<(string Number, string Title)> ClosedItems)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);
