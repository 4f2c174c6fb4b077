using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NokoBot.Texts;

namespace NokoBot.Reports;

/// <summary>
/// The report as a Word document: real styles (Title, Heading 1–2, a table grid style), a title page, then real Word
/// tables with a repeated header row — not text in a frame — on landscape A4, so it opens and prints in Word and
/// LibreOffice alike.
/// </summary>
public static class DocxReportWriter
{
    private const string Font = "Times New Roman";

    public static void Write(YearReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        document.PackageProperties.Title = $"{ReportTexts.Title} {ReportTexts.Subtitle(report.Year)}";
        document.PackageProperties.Creator = "NokoBot";

        var body = new Body();
        // The title page.
        for (var i = 0; i < 6; i++) body.Append(new Paragraph());
        body.Append(Styled("Title", report.Council), Styled("Subtitle", ReportTexts.Title), Styled("Subtitle", ReportTexts.Subtitle(report.Year)));
        body.Append(Styled(null, ReportTexts.AsOf(report.AsOf)));
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

        body.Append(Styled("Heading1", ReportTexts.SummaryHeading));
        body.Append(Styled(null, ReportTexts.Summary(report.Items.Count, report.Count(ItemStatus.Done), report.Count(ItemStatus.Open), report.Count(ItemStatus.Overdue))));
        body.Append(Styled("Heading2", ReportTexts.PartiesHeading));
        body.Append(Table([ReportTexts.PartyColumn, ReportTexts.DoneColumn, ReportTexts.OpenColumn, ReportTexts.OverdueColumn], [6000, 2000, 2000, 2000],
            report.Parties.Select(p => new[] { p.Party, N(p.Done), N(p.Open), N(p.Overdue) })));
        body.Append(Styled("Heading2", ReportTexts.ChartHeading));
        body.Append(Table(["", .. report.Months.Select(m => ReportTexts.Month(m.Month))], [2200, .. report.Months.Select(_ => 900)],
        [
            [ReportTexts.ChartDone, .. report.Months.Select(m => N(m.Done))],
            [ReportTexts.ChartNotDone, .. report.Months.Select(m => N(m.NotDone))],
        ]));

        body.Append(Styled("Heading1", ReportTexts.ItemsHeading));
        body.Append(Table(
            [ReportTexts.NumberColumn, ReportTexts.ActionColumn, ReportTexts.ResponsibleColumn, ReportTexts.DeadlineColumn, ReportTexts.EndedDueColumn,
             ReportTexts.StatusColumn, ReportTexts.DoneByColumn, ReportTexts.PostponedColumn, ReportTexts.ProtocolsColumn],
            [600, 3600, 1900, 1400, 1200, 1100, 1700, 1700, 2200],
            report.Items.Select(i => new[]
            {
                i.Number, i.Title, string.Join("\n", i.Parties), i.DeadlineText.Length == 0 ? ReportTexts.None : i.DeadlineText,
                i.EndedDue is { } due ? DeadlineTexts.Date(due) : ReportTexts.None, StatusName(i.Status),
                Lines(i.Done.Select(d => ReportTexts.DoneMark(d.Who, d.LocalAt))),
                Lines(i.Postponements.Select(p => ReportTexts.Postponement(p.To, p.Reason))),
                Lines(i.Protocols.Select(p => ReportTexts.Protocol(p.FileName, p.LocalAt, p.Sha256))),
            })));

        body.Append(Styled("Heading1", ReportTexts.MeetingsHeading));
        if (report.Meetings.Count == 0) body.Append(Styled(null, ReportTexts.NoMeetings));
        foreach (var meeting in report.Meetings)
        {
            body.Append(Styled("Heading2", ReportTexts.Meeting(meeting.LocalStart, meeting.Place)));
            body.Append(Styled(null, ReportTexts.Agenda));
            foreach (var (line, n) in meeting.Agenda.Select((l, n) => (l, n + 1))) body.Append(Styled("ListParagraph", $"{n}) {line}"));
            body.Append(Styled(null, ReportTexts.MeetingProtocol(meeting.ProtocolName)));
        }
        // Landscape A4 with 2 cm margins: the table of items has nine columns.
        body.Append(new SectionProperties(
            new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    public static string StatusName(ItemStatus status) => status switch
    {
        ItemStatus.Done => ReportTexts.StatusDone,
        ItemStatus.Overdue => ReportTexts.StatusOverdue,
        _ => ReportTexts.StatusOpen,
    };

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Lines(IEnumerable<string> lines)
    {
        var text = string.Join("\n", lines);
        return text.Length == 0 ? ReportTexts.None : text;
    }

    private static Paragraph Styled(string? style, string text)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>A Word table in the grid style; its first row is the header, repeated on every page. A cell's lines are paragraphs.</summary>
    private static Table Table(IReadOnlyList<string> header, IReadOnlyList<int> widths, IEnumerable<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "ReportTable" },
            new TableWidth { Type = TableWidthUnitValues.Auto, Width = "0" },
            new TableLook { Val = "04A0" }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header, widths, isHeader: true));
        foreach (var row in rows) table.Append(Row(row, widths, isHeader: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            foreach (var line in cells[i].Split('\n'))
            {
                var run = new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve });
                if (isHeader) run.PrependChild(new RunProperties(new Bold()));
                cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }), run));
            }
            row.Append(cell);
        }
        return row;
    }

    private static Styles Styles()
    {
        static RunProperties Run(int halfPoints, bool bold = false, string? color = null)
        {
            var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
            if (bold) run.Append(new Bold());
            if (color is not null) run.Append(new Color { Val = color });
            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return run;
        }
        static Style Paragraph(string id, string name, RunProperties run, StyleParagraphProperties properties, int? outline = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle());
            if (outline is { } level) properties.Append(new OutlineLevel { Val = level });
            style.Append(properties);
            style.Append(new StyleRunProperties(run.ChildElements.Select(c => c.CloneNode(true))));
            return style;
        }
        var normal = new Style { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        normal.Append(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(Run(24).ChildElements.Select(c => c.CloneNode(true))));
        var table = new Style { Type = StyleValues.Table, StyleId = "ReportTable" };
        table.Append(new StyleName { Val = "Report Table" }, new BasedOn { Val = "TableNormal" },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" }, new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" }, new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" }),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableStyleProperties(new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3", Color = "auto" }))
            { Type = TableStyleOverrideValues.FirstRow });
        var tableNormal = new Style { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        tableNormal.Append(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }));
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new Languages { Val = "ru-RU" }))),
            normal,
            Paragraph("Title", "Title", Run(52, bold: true, "1F3864"), new StyleParagraphProperties(new SpacingBetweenLines { After = "480" }, new Justification { Val = JustificationValues.Center })),
            Paragraph("Subtitle", "Subtitle", Run(32, color: "2F5496"), new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center })),
            Paragraph("Heading1", "heading 1", Run(32, bold: true, "1F3864"), new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }), outline: 0),
            Paragraph("Heading2", "heading 2", Run(26, bold: true, "2F5496"), new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }), outline: 1),
            Paragraph("ListParagraph", "List Paragraph", Run(22), new StyleParagraphProperties(new SpacingBetweenLines { After = "40" }, new Indentation { Left = "567" })),
            Paragraph("TableText", "Table Text", Run(18), new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })),
            tableNormal,
            table);
    }
}
