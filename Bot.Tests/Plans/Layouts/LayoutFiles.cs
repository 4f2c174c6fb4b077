using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NokoBot.Tests.Plans.Layouts;

/// <summary>The file formats a council's plan comes in.</summary>
public enum LayoutFormat
{
    /// <summary>A Word document: the title as a paragraph, then the table; a section row is one cell spanning the table.</summary>
    Docx,

    /// <summary>Word's text with one cell per line (the Desnogorsk seed): each cell starts with a TAB, a blank line ends a row.</summary>
    CellPerLine,

    /// <summary>Word's text with one row per line (the Zeya seed): cells between TABs, a cell's further lines on lines of their own.</summary>
    RowPerLine,
}

/// <summary>Writes a <see cref="PlanLayoutSample"/> as the bytes of a plan file in each <see cref="LayoutFormat"/>.</summary>
public static class LayoutFiles
{
    private const string Title = "План работы Общественного совета\nна 2020 год";

    public static byte[] Render(PlanLayoutSample sample, LayoutFormat format) => format switch
    {
        LayoutFormat.Docx => Docx(sample),
        LayoutFormat.CellPerLine => Encoding.UTF8.GetBytes(CellPerLine(sample)),
        _ => Encoding.UTF8.GetBytes(RowPerLine(sample)),
    };

    public static string FileName(PlanLayoutSample sample, LayoutFormat format) =>
        $"{sample.Name}.{(format == LayoutFormat.Docx ? "docx" : format == LayoutFormat.CellPerLine ? "cells.txt" : "rows.txt")}";

    private static IEnumerable<LayoutRow> AllRows(PlanLayoutSample sample) =>
        sample.Header is null ? sample.Rows : sample.Rows.Prepend(new LayoutRow(sample.Header));

    public static byte[] Docx(PlanLayoutSample sample)
    {
        var table = new Table(AllRows(sample).Select(row => row.AcrossTable
            ? new TableRow(Cell(row.Cells[0], sample.Width))
            : new TableRow(row.Cells.Select(text => Cell(text, 1)))));
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var title = Title.Split('\n').Select(line => new Paragraph(new Run(new Text(line))));
            document.AddMainDocumentPart().Document = new Document(new Body([.. title, table]));
        }
        return buffer.ToArray();
    }

    private static TableCell Cell(string text, int span)
    {
        var paragraphs = text.Split('\n').Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
        return span == 1
            ? new TableCell(paragraphs)
            : new TableCell([new TableCellProperties(new GridSpan { Val = span }), .. paragraphs]);
    }

    /// <summary>Each cell on a line of its own after a TAB, its further lines without one; a blank line after each row.</summary>
    public static string CellPerLine(PlanLayoutSample sample)
    {
        var text = new StringBuilder(Title).Append("\n\n");
        foreach (var row in AllRows(sample))
        {
            foreach (var cell in row.Cells) text.Append('\t').Append(cell).Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A row's cells between TABs; a line break inside a cell goes on on the next line. A section row is its cell and empty ones.</summary>
    public static string RowPerLine(PlanLayoutSample sample)
    {
        var text = new StringBuilder(Title).Append("\n\n");
        foreach (var row in AllRows(sample))
        {
            var cells = row.AcrossTable ? [row.Cells[0], .. Enumerable.Repeat("", sample.Width - 1)] : row.Cells;
            text.Append(string.Join('\t', cells)).Append('\n');
        }
        return text.ToString();
    }
}
