using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Replies;

namespace NokoBot.Domain.Reminders;

/// <summary>What the reminder policy knows of one plan item.</summary>
/// <param name="DueOverride">A date the secretary set (/setdue).</param>
/// <param name="AnchorDate">The council-local day the event of a relative deadline happened (or its anchor item was closed).</param>
public sealed record ReminderInput(
    long ItemId,
    int PlanYear,
    Deadline Deadline,
    IReadOnlyList<string> Parties,
    string Result,
    IReadOnlyList<Reply> Replies,
    DateOnly? DueOverride = null,
    DateOnly? AnchorDate = null);
