namespace NokoBot.Domain.Councils;

/// <summary>Per-council reminder, digest and meeting settings (stored as JSON in councils.settings). Times are council-local.</summary>
public sealed record CouncilSettings
{
    /// <summary>Days before the due date to remind (default 7 and 1).</summary>
    public IReadOnlyList<int> BeforeDays { get; init; } = [7, 1];

    public TimeOnly ReminderTime { get; init; } = new(10, 0);

    /// <summary>Days after the due date to remind; then every <see cref="OverdueRepeatDays"/> days.</summary>
    public IReadOnlyList<int> OverdueDays { get; init; } = [1, 3, 7];

    public int OverdueRepeatDays { get; init; } = 7;

    /// <summary>Days overdue after which the chair is told.</summary>
    public int EscalateAfterDays { get; init; } = 7;

    /// <summary>Continuous items: a check-in on the first working day of every month.</summary>
    public bool MonthlyCheckins { get; init; } = true;

    /// <summary>Unscheduled items: ask the secretary for a date every this many days.</summary>
    public int AskDateEveryDays { get; init; } = 7;

    /// <summary>No message starts inside quiet hours; one planned there moves to their end.</summary>
    public TimeOnly QuietHoursStart { get; init; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; init; } = new(8, 0);

    public DayOfWeek DigestDay { get; init; } = DayOfWeek.Monday;

    public TimeOnly DigestTime { get; init; } = new(9, 0);

    /// <summary>Meeting agendas go out this many days before the meeting.</summary>
    public int AgendaDaysBefore { get; init; } = 3;

    /// <summary>Reminders missed while the service was down are sent late within this window; older ones go to the digest.</summary>
    public TimeSpan CatchUpGrace { get; init; } = TimeSpan.FromHours(24);

    public static CouncilSettings Default { get; } = new();
}
