using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NokoBot.Domain.Plans;
using NokoBot.Texts;

namespace NokoBot.Plans;

/// <summary>
/// Reads the plan table of a .docx: the first table whose rows carry the plan's header words, else the first
/// table. A cell's text is its paragraphs joined by line breaks (not InnerText, which glues them); a cell merged
/// down from the row above repeats that cell's text; a row that is one cell across the table (a section heading) is a
/// row of one cell, as in Word's cell-per-line text.
/// </summary>
public static class DocxPlanTableReader
{
    private const int MaxColumns = 63;

    /// <summary>A real plan's document.xml is well under a megabyte; this stops a zip bomb from unpacking gigabytes.</summary>
    private static readonly OpenSettings Limits = new() { MaxCharactersInPart = 32 * 1024 * 1024 };

    public static PlanTable Read(Stream stream)
    {
        // The package's parts are unzipped and parsed lazily, so a damaged part surfaces while the body is read, not at Open:
        // a missing part (InvalidOperationException), a relationship to a bad part name (ArgumentException), broken XML, an
        // attribute value outside the schema (FormatException, OverflowException).
        try
        {
            using var document = WordprocessingDocument.Open(stream, false, Limits);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new PlanFormatException(PlanTexts.DocxWithoutText);
            var tables = body.Descendants<Table>().Where(t => !t.Ancestors<Table>().Any()).Select(ReadTable).ToList();
            if (tables.Count == 0) throw new PlanFormatException(PlanTexts.DocxWithoutTable);
            return tables.FirstOrDefault(LooksLikePlan) ?? tables[0];
        }
        catch (Exception e) when (e is FileFormatException or OpenXmlPackageException or InvalidDataException or IOException or XmlException
            or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new PlanFormatException(PlanTexts.NotDocx);
        }
    }

    private static bool LooksLikePlan(PlanTable table) =>
        table.Rows.Take(5).Any(row => row.Count(PlanHeaderWords.IsHeaderCell) >= 2);

    private static PlanTable ReadTable(Table table)
    {
        var rows = new List<IReadOnlyList<string>>();
        List<string>? above = null;
        // Rows may sit inside content controls (SdtRow); Descendants finds them, the nested-table check keeps inner tables out.
        foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
        {
            var cells = new List<string>();
            var rowCells = row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row).ToList();
            foreach (var cell in rowCells)
            {
                var merge = cell.TableCellProperties?.VerticalMerge;
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                var text = continues && above is not null && cells.Count < above.Count ? above[cells.Count] : CellText(cell);
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                // Word has at most 63 columns; a wider span is a damaged file, and filling it in would exhaust memory.
                if (span > MaxColumns)
                    throw new PlanFormatException(PlanTexts.DocxTooWide(MaxColumns));
                cells.Add(text);
                // A cell spanning grid columns keeps the later cells in their columns.
                if (rowCells.Count > 1) for (var i = 1; i < span; i++) cells.Add("");
            }
            rows.Add(cells);
            above = cells;
        }
        return new PlanTable(rows);
    }

    private static string CellText(TableCell cell) =>
        string.Join("\n", cell.Elements<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));
}
