namespace NokoBot.Domain.Plans;

/// <summary>
/// Groups the cells of Word's cell-per-line text into rows. The text marks a row's end with a blank line, but a cell
/// can end with a blank line of its own (a trailing empty paragraph), so the marks are weighed against the table's
/// width: runs of cells between blank lines that fall short of a row are joined while they fit, a run of one cell is a
/// section row across the table, and a run longer than a row is cut where an item number starts the next one. Text
/// without blank lines is cut at item numbers alone.
/// </summary>
internal static class CellStream
{
    public static List<IReadOnlyList<string>> Rows(IReadOnlyList<string> cells)
    {
        var runs = Runs(cells);
        var width = Width(runs);
        var rows = new List<IReadOnlyList<string>>();
        var pending = new List<string>();
        foreach (var run in runs.SelectMany(r => Cut(r, width)))
        {
            // A cell that ended with a blank line of its own left the row short: the next run goes on with it.
            if (pending.Count > 0 && pending.Count + run.Count <= width && !StartsItem(run[0]))
            {
                pending.AddRange(run);
                if (pending.Count < width) continue;
                Add(rows, pending, width);
                pending = [];
                continue;
            }
            Add(rows, pending, width);
            pending = [.. run];
            if (pending.Count >= width)
            {
                Add(rows, pending, width);
                pending = [];
            }
        }
        Add(rows, pending, width);
        return rows;
    }

    /// <summary>Runs of cells, each ending at a blank line.</summary>
    private static List<List<string>> Runs(IReadOnlyList<string> cells)
    {
        var runs = new List<List<string>>();
        var run = new List<string>();
        foreach (var cell in cells)
        {
            run.Add(cell);
            if (!EndsWithBlankLine(cell)) continue;
            runs.Add(run);
            run = [];
        }
        if (run.Count > 0) runs.Add(run);
        return runs;
    }

    /// <summary>
    /// The header's width when its words name the columns, else the commonest length of two or more cells, counted over
    /// the runs cut at item numbers (so that text without blank lines has a width too).
    /// </summary>
    private static int Width(List<List<string>> runs)
    {
        var rows = runs.SelectMany(r => Cut(r, 0)).ToList();
        if (rows.FirstOrDefault(r => HeaderWords.Count(r) >= 3) is { } header) return header.Count;
        return rows.Where(r => r.Count >= 2).GroupBy(r => r.Count)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .Select(g => g.Key).FirstOrDefault(int.MaxValue);
    }

    /// <summary>
    /// A run longer than a row holds rows Word wrote without blank lines between them: cut it where an item number
    /// starts a row, at «№» (the header), and where a section heading follows a full row.
    /// </summary>
    private static IEnumerable<List<string>> Cut(List<string> run, int width)
    {
        if (run.Count <= width)
        {
            yield return run;
            yield break;
        }
        var piece = new List<string>();
        foreach (var cell in run)
        {
            var text = cell.Trim();
            var starts = PlanPatterns.IsItemNumber(text) || HeaderWords.IsNumberHeader(text) || (width > 0 && piece.Count >= width && PlanPatterns.IsSectionHeading(text));
            if (piece.Count > 0 && starts)
            {
                yield return piece;
                piece = [];
            }
            piece.Add(cell);
        }
        yield return piece;
    }

    /// <summary>An item number, or a cell that opens with one: the start of a row, never the rest of one.</summary>
    private static bool StartsItem(string cell) => PlanPatterns.IsItemNumber(cell.Trim()) || PlanPatterns.TryLeadingNumber(cell, out _, out _);

    /// <summary>The cell's last line is blank: the blank line after a row (or an empty paragraph at the cell's end).</summary>
    private static bool EndsWithBlankLine(string cell)
    {
        var end = cell.LastIndexOf('\n');
        return end >= 0 && string.IsNullOrWhiteSpace(cell[(end + 1)..]);
    }

    /// <summary>A row without stray empty cells past the table's width (Word's, not the plan's); an empty row is no row.</summary>
    private static void Add(List<IReadOnlyList<string>> rows, List<string> row, int width)
    {
        if (row.All(string.IsNullOrWhiteSpace)) return;
        var end = row.Count;
        while (end > width && string.IsNullOrWhiteSpace(row[end - 1])) end--;
        rows.Add(row[..end]);
    }
}
