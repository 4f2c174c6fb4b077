using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Plans;

/// <summary>One row of a council's plan.</summary>
/// <param name="Number">The item number as written, without the trailing dot («1», «2.3»).</param>
/// <param name="Section">The section title the row sits under, or null.</param>
/// <param name="Responsible">The responsible parties, one name each.</param>
/// <param name="DeadlineText">The deadline cell verbatim (line breaks folded to spaces).</param>
public sealed record PlanItem(
    string Number,
    string? Section,
    string Title,
    IReadOnlyList<string> Responsible,
    string DeadlineText,
    Deadline Deadline,
    string Result);

/// <summary>What reading a plan file produced: its items in order, what the secretary should look at, and how its table was read.</summary>
/// <param name="Layout">Which column held what and why (null for a plan not read from a table).</param>
public sealed record PlanImport(IReadOnlyList<PlanItem> Items, IReadOnlyList<string> Warnings, PlanLayout? Layout = null);
