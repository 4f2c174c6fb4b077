namespace NokoBot.Domain.Reminders;

/// <summary>
/// Everything a channel needs to render one reminder about one item for one recipient, so that the
/// message makes sense on a lock screen: number, title, deadline, planned result.
/// </summary>
/// <param name="DeliveryKey">The delivery ledger key; channels derive message ids from it so a retry is recognisable.</param>
/// <param name="DeadlineText">The plan's own words for the deadline.</param>
/// <param name="Due">The date the item is due by now (after postponements), if it has one.</param>
/// <param name="DaysOverdue">Days past <see cref="Due"/> (0 when not overdue).</param>
/// <param name="Late">Sent after its planned time (catch-up after downtime).</param>
public sealed record ReminderNotice(
    string DeliveryKey,
    ReminderKind Kind,
    string CouncilName,
    long ItemId,
    string ItemNumber,
    string Title,
    IReadOnlyList<string> Parties,
    string DeadlineText,
    DateOnly? Due,
    string Result,
    int DaysOverdue = 0,
    bool Late = false);
