namespace NokoBot.Domain.Plans;

/// <summary>
/// A plan as a raw table, the common shape of every source format (plain text exported from Word,
/// .docx): rows of cells, each cell's text with its line breaks kept.
/// </summary>
public sealed record PlanTable(IReadOnlyList<IReadOnlyList<string>> Rows);
