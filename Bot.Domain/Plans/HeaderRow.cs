using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Plans;

/// <summary>
/// Finds a plan table's header row: the first row whose cells name three columns, the action among them («№»,
/// «Наименование мероприятия», «Сроки»); else the row of labels right above the first item row, whatever its words
/// («Тема», «Время», «Докладчик»). A table whose first rows are items has no header. A row naming two columns is never
/// an item row, though a label such as «Год» reads as a deadline.
/// </summary>
internal static class HeaderRow
{
    /// <param name="Index">The header's row, or -1 when the table starts with its items.</param>
    /// <param name="ByWords">The header names the columns in words the importer knows.</param>
    public readonly record struct Found(int Index, bool ByWords);

    /// <summary>The header, or null when no row looks like an item (not a plan).</summary>
    public static Found? Find(PlanTable table, int planYear)
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var kinds = table.Rows[i].Select(HeaderWords.Classify).OfType<PlanColumn>().ToList();
            if (kinds.Distinct().Count() >= 3 && kinds.Contains(PlanColumn.Action)) return new Found(i, ByWords: true);
        }
        var firstItem = -1;
        for (var i = 0; i < table.Rows.Count && firstItem < 0; i++)
            if (Filled(table.Rows[i]) >= 2 && !NamesTwoColumns(table.Rows[i]) && IsItemRow(table.Rows[i], planYear)) firstItem = i;
        if (firstItem < 0) return null;
        for (var i = firstItem - 1; i >= 0; i--)
            if (Filled(table.Rows[i]) >= 2) return new Found(i, ByWords: false);
        return new Found(-1, ByWords: false);
    }

    private static bool NamesTwoColumns(IReadOnlyList<string> row) => row.Select(HeaderWords.Classify).OfType<PlanColumn>().Distinct().Count() >= 2;

    private static int Filled(IReadOnlyList<string> row) => row.Count(c => !string.IsNullOrWhiteSpace(c));

    /// <summary>A row with an item number, a numbered action, a deadline or a long sentence: not a header's labels.</summary>
    private static bool IsItemRow(IReadOnlyList<string> row, int planYear) => row.Select(TextCleaner.Collapse).Any(text =>
        text.Length > 80 || PlanPatterns.IsItemNumber(text) || PlanPatterns.TryLeadingNumber(text, out _, out _)
        || (text.Length > 0 && RussianDeadlineParser.Parse(text, planYear) is not UnknownDeadline));
}
