using NokoBot.Domain.Meetings;

namespace NokoBot.Domain.Digest;

/// <summary>An item as a digest line: enough to make sense on its own.</summary>
/// <param name="Due">The current due date (after postponements), if the item has one.</param>
public sealed record DigestItem(
    long ItemId, string Number, string Title, IReadOnlyList<string> Parties, string DeadlineText, DateOnly? Due);

/// <param name="From">The due date before this postponement, if it had one.</param>
public sealed record PostponedItem(DigestItem Item, DateOnly? From, DateOnly To, string? Reason);

/// <param name="DoneOn">The council-local day the item was closed.</param>
public sealed record DoneItem(DigestItem Item, DateOnly DoneOn);

/// <param name="ItemsTotal">Items in the plan; <paramref name="ItemsClosed"/> of them are closed.</param>
public sealed record DigestTotals(
    int ItemsTotal, int ItemsClosed, int Overdue, int DueSoon, int DoneThisWeek, int Postponed, int AwaitingProtocol);

/// <summary>The weekly committee digest for one council on one council-local day (rendering lives in Bot).</summary>
/// <param name="MeetingsAwaitingProtocol">Meetings held a week ago or more whose protocol is still missing.</param>
public sealed record Digest(
    string CouncilName,
    DateOnly Today,
    IReadOnlyList<DigestItem> Overdue,
    IReadOnlyList<DigestItem> DueSoon,
    IReadOnlyList<DoneItem> DoneThisWeek,
    IReadOnlyList<PostponedItem> Postponed,
    IReadOnlyList<DigestItem> AwaitingProtocol,
    Meeting? NextMeeting,
    DigestTotals Totals,
    IReadOnlyList<Meeting>? MeetingsAwaitingProtocol = null);
