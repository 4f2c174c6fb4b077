namespace NokoBot.Domain.Councils;

/// <summary>Per-council reminder, digest and meeting settings (stored as JSON in councils.settings). Times are council-local.</summary>
public sealed record CouncilSettings
{
    /// <summary>
    /// Days before the due date to announce it (default 7 and 1). A week or more ahead, the announcement rides in the
    /// weekly message of that week; less, it is on that working day.
    /// </summary>
    public IReadOnlyList<int> BeforeDays { get; init; } = [7, 1];

    public TimeOnly ReminderTime { get; init; } = new(10, 0);

    /// <summary>
    /// The day of the week of the weekly message: overdue items, the week ahead, check-ins and the secretary's date
    /// requests all ride in it, so a member hears from the bot on few days (a holiday moves it to the next working day).
    /// </summary>
    public DayOfWeek WeeklyDay { get; init; } = DayOfWeek.Monday;

    /// <summary>An overdue item is in every weekly message for this many weeks after its due date…</summary>
    public int OverdueWeeklyFor { get; init; } = 4;

    /// <summary>…then in every this-many-th one (the same weeks for every item, so they share a message).</summary>
    public int OverdueThenEveryWeeks { get; init; } = 2;

    /// <summary>Days overdue after which the chair is told, once per item.</summary>
    public int EscalateAfterDays { get; init; } = 7;

    /// <summary>Continuous items: a check-in in the first weekly message of every month.</summary>
    public bool MonthlyCheckins { get; init; } = true;

    /// <summary>Items without a date: the secretary is asked for dates in every weekly message.</summary>
    public bool AskForDates { get; init; } = true;

    /// <summary>No message starts inside quiet hours; one planned there moves to their end.</summary>
    public TimeOnly QuietHoursStart { get; init; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; init; } = new(8, 0);

    public DayOfWeek DigestDay { get; init; } = DayOfWeek.Monday;

    public TimeOnly DigestTime { get; init; } = new(9, 0);

    /// <summary>Meeting agendas go out this many days before the meeting.</summary>
    public int AgendaDaysBefore { get; init; } = 3;

    /// <summary>Reminders missed while the service was down are sent late within this window; older ones go to the digest.</summary>
    public TimeSpan CatchUpGrace { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The public status page (<c>/p/&lt;council&gt;</c>): the plan's items and where they stand, no names, no files.
    /// Off until the secretary switches it on.
    /// </summary>
    public bool PublicPage { get; init; }

    public static CouncilSettings Default { get; } = new();
}
