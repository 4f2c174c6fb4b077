namespace NokoBot.Domain.Plans;

/// <summary>
/// Reads the plain text Word writes when a document with a table is saved as text, in either of its shapes:
/// <list type="bullet">
/// <item>cell per line — every cell starts on a new line with a TAB, a line without one continues the cell
/// (line breaks, even blank lines, inside cells), a blank line usually ends a row (<see cref="CellStream"/>);</item>
/// <item>row per line — cells separated by TABs; a line that continues a cell holds the rest of that row.</item>
/// </list>
/// Text before the table (the plan's title) and after it is left out by the interpreter, which finds the header.
/// </summary>
public static class PlainTextPlanReader
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
        return new PlanTable(CellStream.Rows(cells));
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
                && !IsNumberedAfterSection(previous, cells[0])
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
            // The first row of cells sets the width: the header, whatever its words.
            if (width == 0 && (HeaderWords.Count(cells) >= 3 || cells.Count(c => c.Trim().Length > 0) >= 2)) width = cells.Count;
            rows.Add(cells);
        }
        return new PlanTable([.. rows]);
    }

    /// <summary>
    /// A line opening with a number («1. Заседание…») under a section line («I. Организационная работа», no TABs): the
    /// next item, whose number opens its action cell, not the rest of the section's heading.
    /// </summary>
    private static bool IsNumberedAfterSection(List<string> previous, string first) =>
        previous.Count == 1 && PlanPatterns.IsSectionHeading(previous[0].Trim()) && PlanPatterns.TryLeadingNumber(first, out _, out _);
}
