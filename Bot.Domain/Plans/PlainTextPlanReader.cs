using System.Text.RegularExpressions;

namespace NokoBot.Domain.Plans;

/// <summary>
/// Reads the plain text Word writes when a document with a table is saved as text, in either of its shapes:
/// <list type="bullet">
/// <item>cell per line — every cell starts on a new line with a TAB, a line without one continues the cell
/// (line breaks, even blank lines, inside cells);</item>
/// <item>row per line — cells separated by TABs; a line that continues a cell holds the rest of that row.</item>
/// </list>
/// Text before the table (the plan's title) and after it is left out by the interpreter, which finds the header.
/// </summary>
public static partial class PlainTextPlanReader
{
    public static PlanTable Read(string text)
    {
        var lines = Normalize(text).Split('\n');
        return IsCellPerLine(lines) ? ReadCellPerLine(lines) : ReadRowPerLine(lines);
    }

    internal static string Normalize(string text) => text
        .Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
        .Replace('\u00A0', ' ').Replace('\u2007', ' ').Replace('\u202F', ' ')
        .Replace("\uFEFF", "", StringComparison.Ordinal).Replace('\v', '\n').Replace('\f', '\n');

    /// <summary>Cell-per-line when the lines with TABs mostly have exactly one, in front.</summary>
    private static bool IsCellPerLine(string[] lines)
    {
        var tabbed = lines.Where(l => l.Contains('\t', StringComparison.Ordinal)).ToList();
        if (tabbed.Count == 0) return false;
        var leadingOnly = tabbed.Count(l => l[0] == '\t' && l.IndexOf('\t', 1) < 0);
        return leadingOnly * 2 > tabbed.Count;
    }

    private static PlanTable ReadCellPerLine(string[] lines)
    {
        var cells = new List<string>();
        var inTable = false;
        foreach (var line in lines)
        {
            if (line.StartsWith('\t'))
            {
                inTable = true;
                // Each further TAB in front is an empty cell; TABs inside the text separate cells too.
                foreach (var part in line[1..].Split('\t')) cells.Add(part);
            }
            else if (inTable)
            {
                cells[^1] += "\n" + line;
            }
        }
        return new PlanTable(GroupIntoRows(cells));
    }

    /// <summary>
    /// Cells arrive as one stream: a new row starts at a cell that is an item number (or a section heading)
    /// once the current row has more than its number; a header row is recognised by its words.
    /// </summary>
    private static List<IReadOnlyList<string>> GroupIntoRows(List<string> cells)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var headerWidth = 0;
        foreach (var raw in cells)
        {
            var cell = raw.Trim();
            var startsRow = row.Count > 0 && (PlanPatterns.IsItemNumber(cell) || (headerWidth > 0 && row.Count >= headerWidth && PlanPatterns.IsSectionHeading(cell)));
            if (startsRow || (row.Count > 0 && headerWidth == 0 && HeaderWords.IsNumberHeader(cell)))
            {
                Flush(rows, row, ref headerWidth);
                row = [];
            }
            row.Add(raw);
        }
        Flush(rows, row, ref headerWidth);
        return rows;
    }

    private static void Flush(List<IReadOnlyList<string>> rows, List<string> row, ref int headerWidth)
    {
        // Stray empty cells between rows are Word's, not the plan's.
        while (row.Count > 0 && string.IsNullOrWhiteSpace(row[^1]) && (headerWidth == 0 || row.Count > headerWidth)) row.RemoveAt(row.Count - 1);
        if (row.Count == 0) return;
        if (headerWidth == 0 && HeaderWords.Count(row) >= 3) headerWidth = row.Count;
        rows.Add(row);
    }

    private static PlanTable ReadRowPerLine(string[] lines)
    {
        var rows = new List<List<string>>();
        var width = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t').ToList();
            var previous = rows.Count > 0 ? rows[^1] : null;
            // A line that goes on with an unfinished row: its first part continues that row's last cell.
            if (previous is not null && width > 0 && previous.Count < width && !PlanPatterns.IsItemNumber(cells[0].Trim())
                && (cells.Count == 1 || previous.Count + cells.Count - 1 <= width))
            {
                previous[^1] += "\n" + cells[0];
                previous.AddRange(cells.Skip(1));
                continue;
            }
            if (cells.Count == 1 && rows.Count == 0) continue; // the title above the table
            if (cells.Count == 1 && previous is not null && width > 0 && !PlanPatterns.IsItemNumber(cells[0].Trim()) && !PlanPatterns.IsSectionHeading(cells[0].Trim()))
            {
                previous[^1] += "\n" + cells[0];
                continue;
            }
            if (width == 0 && HeaderWords.Count(cells) >= 3) width = cells.Count;
            rows.Add(cells);
        }
        return new PlanTable([.. rows]);
    }
}
