using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NokoBot.Domain.Plans;

namespace NokoBot.Tests.Support;

/// <summary>The seed plans as files a secretary would send: the text export as it is, and the same table as a .docx.</summary>
public static class SeedPlans
{
    public static string DesnogorskText => File.ReadAllText(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"));

    public static byte[] DesnogorskTxt => File.ReadAllBytes(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"));

    /// <summary>The seed's table (read by the plain-text reader) written as a Word table, one paragraph per line of a cell.</summary>
    public static byte[] DesnogorskDocx => Docx(PlainTextPlanReader.Read(DesnogorskText));

    public static byte[] Docx(PlanTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var width = table.Rows.Max(r => r.Count);
            var rows = table.Rows.Select(cells => new TableRow(Enumerable.Range(0, width).Select(i =>
                new TableCell((i < cells.Count ? cells[i] : "").Split('\n').Select(line => new Paragraph(new Run(new Text(line.Trim()))))))));
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("План работы Общественного совета"))), new Table(rows)));
        }
        return buffer.ToArray();
    }
}
