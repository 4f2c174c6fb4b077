using NokoBot.Domain.Councils;
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

/// <summary>
/// The answer to a member's own letter, by email: what was recorded, or why not — words decided when the letter was
/// read, kept in the outbox until sent. It goes In-Reply-To their letter.
/// </summary>
/// <param name="Recorded">Whether anything was recorded (the subject says so).</param>
/// <param name="InReplyTo">The Message-Id of the member's letter.</param>
/// <param name="References">Its References, then its own Message-Id: the thread.</param>
/// <param name="Lines">What is said, paragraph by paragraph.</param>
public sealed record AnswerMessage(
    string Key, string CouncilName, string TimeZone, Recipient To, bool Recorded, IReadOnlyList<string> Items, string? InReplyTo,
    IReadOnlyList<string> References, IReadOnlyList<string> Lines)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);

/// <summary>
/// The first letter to a member given an address: what the bot will send them, their open items, how to answer and
/// how to stop.
/// </summary>
public sealed record WelcomeMessage(string Key, string CouncilName, string TimeZone, Recipient To, IReadOnlyList<string> Parties, IReadOnlyList<OpenItem> Open)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);

/// <summary>The code that confirms an address a Telegram member gave (<c>/email</c>), sent to that address.</summary>
public sealed record AddressCodeMessage(string Key, string CouncilName, string TimeZone, Recipient To, string MemberName, string Code, DateTimeOffset ValidUntil)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);

/// <summary>
/// The secretary's one notice that a member cannot be reached on a channel any more, and how they are reached now.
/// </summary>
/// <param name="Address">The address that bounced or was unsubscribed.</param>
/// <param name="Detail">What the mail server said (a bounce's status).</param>
public sealed record MemberNoticeMessage(
    string Key, string CouncilName, string TimeZone, Recipient To, ContactProblem Problem, string MemberName, string? Address, string? Detail,
    bool ByTelegram, bool ByEmail)
    : OutgoingMessage(Key, CouncilName, TimeZone, To);
