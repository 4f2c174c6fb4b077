namespace NokoBot.Domain.Reminders;

/// <summary>Who a planned reminder goes to.</summary>
public enum ReminderAudience { Parties, Chair, Secretary }

/// <summary>
/// One notification the policy wants sent on the council-local <see cref="Day"/>; <see cref="At"/> is that day at the
/// council's reminder time (a member with an hour of their own gets it at theirs). <see cref="Occurrence"/> is the due
/// date it is about (a new due date after a postponement is a new occurrence, so it gets fresh reminders and fresh
/// delivery keys).
/// </summary>
/// <param name="Parties">For <see cref="ReminderAudience.Parties"/>: the parties that still owe the item at that time.</param>
/// <param name="Sequence">Tells repeats of one kind apart: days before/after the due date, or the check-in/ask number.</param>
public sealed record PlannedReminder(
    long ItemId,
    DateOnly Occurrence,
    ReminderKind Kind,
    DateOnly Day,
    DateTimeOffset At,
    ReminderAudience Audience,
    IReadOnlyList<string> Parties,
    int Sequence)
{
    public string OccurrenceKey => DeliveryKey.ItemOccurrence(ItemId, Occurrence);
}
