namespace NokoBot.Domain.Councils;

/// <summary>What a member chose for themselves (<c>/settings</c>): their own reminder hour, or one weekly summary only.</summary>
/// <param name="ReminderTime">Council-local; null: the council's reminder time.</param>
/// <param name="WeeklySummaryOnly">Everything of a week in its weekly message, nothing on other days.</param>
public sealed record MemberPreferences(TimeOnly? ReminderTime = null, bool WeeklySummaryOnly = false)
{
    public static MemberPreferences Default { get; } = new();
}
