namespace NokoBot.Tests.Plans.Layouts;

/// <summary>One row of a test plan's table: its cells, or a single cell across the whole table (a section row).</summary>
public sealed record LayoutRow(IReadOnlyList<string> Cells, bool AcrossTable = false)
{
    public static LayoutRow Of(params string[] cells) => new(cells);

    public static LayoutRow Section(string text) => new([text], AcrossTable: true);
}

/// <summary>An item as the importer must read it from a test plan.</summary>
public sealed record ExpectedItem(string Number, string? Section, string Title, IReadOnlyList<string> Responsible, string DeadlineText);

/// <summary>
/// A council's plan table laid out one way (its header, or none; its rows), and the items it must read as whatever
/// file it comes in (<see cref="LayoutFiles"/>).
/// </summary>
public sealed record PlanLayoutSample(string Name, IReadOnlyList<string>? Header, IReadOnlyList<LayoutRow> Rows, IReadOnlyList<ExpectedItem> Expected)
{
    public int Width => Header?.Count ?? Rows.Where(r => !r.AcrossTable).Max(r => r.Cells.Count);

    public override string ToString() => Name;
}
