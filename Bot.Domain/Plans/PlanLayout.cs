namespace NokoBot.Domain.Plans;

/// <summary>How a column's role was decided.</summary>
public enum ColumnFoundBy
{
    /// <summary>Its header names it («Сроки», «Ответственные»).</summary>
    Header,

    /// <summary>Its cells hold what the role holds (<see cref="ColumnChoice.Sign"/>, in <see cref="ColumnChoice.Matching"/> of <see cref="ColumnChoice.Filled"/> cells).</summary>
    Content,

    /// <summary>The secretary said so (<c>--columns</c>).</summary>
    Override,
}

/// <summary>What most cells of a column look like.</summary>
public enum ContentSign
{
    /// <summary>Item numbers («1.», «2.3», «IV»).</summary>
    Numbers,

    /// <summary>Deadlines the deadline parser reads.</summary>
    Deadlines,

    /// <summary>Short names that begin like a party («Комитет по образованию», «Председатель совета»).</summary>
    Parties,

    /// <summary>Long sentences describing what is done.</summary>
    Actions,

    /// <summary>Text that is none of the above.</summary>
    Phrases,
}

/// <summary>One role's column: where it is (counted from 1, as the secretary counts), its header, and why it was taken.</summary>
public sealed record ColumnChoice(PlanColumn Role, int Column, ColumnFoundBy FoundBy, string Header, ContentSign? Sign = null, int Matching = 0, int Filled = 0);

/// <summary>Where the items' numbers come from.</summary>
public enum ItemNumbering
{
    /// <summary>A «№» column.</summary>
    Column,

    /// <summary>The number opens the action cell («1. Заседание …»).</summary>
    ActionCell,

    /// <summary>The plan numbers no items: they are numbered in order.</summary>
    InOrder,
}

/// <summary>
/// How a plan's table was read: which column holds what and why, where the numbers come from, and the columns with
/// text that no role takes (a «Примечание»). Shown back to the secretary, who can correct it with <c>--columns</c>.
/// </summary>
/// <param name="Header">The header row's cells, or empty when the table has none.</param>
/// <param name="UnusedColumns">Columns (from 1) that hold text but were not read.</param>
public sealed record PlanLayout(IReadOnlyList<ColumnChoice> Columns, ItemNumbering Numbering, IReadOnlyList<string> Header, IReadOnlyList<int> UnusedColumns)
{
    public ColumnChoice? Of(PlanColumn role) => Columns.FirstOrDefault(c => c.Role == role);
}
