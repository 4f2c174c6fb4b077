using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Plans;

public sealed class PlanFileReaderTests
{
    private static readonly string DesnogorskPath = RepoPaths.Of("config", "plans", "desnogorsk-2020.txt");

    static PlanFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Docx(params string[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var table = new Table(rows.Select(cells => new TableRow(cells.Select(text =>
                new TableCell(text.Split('\n').Select(line => new Paragraph(new Run(new Text(line))))))))) ;
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("План работы"))), table));
        }
        return buffer.ToArray();
    }

    [Fact]
    public void A_docx_table_reads_like_the_text_export_with_multi_paragraph_cells()
    {
        var docx = Docx(
            ["№ п/п", "Наименование мероприятий", "Ответственные", "Сроки", "Планируемый результат"],
            ["1.", "Обсуждение плана работы", "Комитет по образованию\nОбщественный совет", "январь -\nмарт", "План работы"],
            ["2.", "Проведение торгов", "Комитет по образованию", "июнь – август", "оператор"]);

        var plan = PlanFileReader.Read(docx, "plan.txt", 2020).Import;

        Assert.Equal(["1", "2"], plan.Items.Select(i => i.Number));
        Assert.Equal(["Комитет по образованию", "Общественный совет"], plan.Items[0].Responsible);
        Assert.Equal(new NokoBot.Domain.Deadlines.WindowDeadline("январь - март", new(2020, 1, 1), new(2020, 3, 31)), plan.Items[0].Deadline);
    }

    [Fact]
    public void A_docx_without_a_table_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Только текст")))));

        var error = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read(buffer.ToArray(), "plan.docx", 2020));

        Assert.Contains("нет таблицы", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_1251_copy_imports_the_same_as_utf8()
    {
        var utf8 = File.ReadAllBytes(DesnogorskPath);
        var cp1251 = Encoding.GetEncoding(1251).GetBytes(Encoding.UTF8.GetString(utf8));

        var a = PlanFileReader.Read(utf8, "a.txt", 2020).Import;
        var b = PlanFileReader.Read(cp1251, "b.txt", 2020).Import;

        Assert.Equal(a.Items.Select(i => (i.Number, i.Title, i.DeadlineText)), b.Items.Select(i => (i.Number, i.Title, i.DeadlineText)));
    }

    [Theory]
    [InlineData(new byte[] { }, "пуст")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "не является текстовым")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5 }, "повреждён")]
    public void Files_that_are_not_plans_are_refused_in_russian(byte[] content, string message)
    {
        var error = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read(content, "x.txt", 2020));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_with_its_size_and_the_limit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nokobot-big-{Guid.NewGuid():N}.txt");
        try
        {
            using (var file = File.Create(path)) file.SetLength(PlanFileReader.MaxBytes + 3 * 1024 * 1024);

            var fromDisk = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read(path, 2020));
            var fromBytes = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read(new byte[PlanFileReader.MaxBytes + 1], "big.txt", 2020));

            Assert.Equal($"Файл {Path.GetFileName(path)} слишком большой (23 МБ): план не может быть больше 20 МБ.", fromDisk.Message);
            Assert.Equal("Файл big.txt слишком большой: план не может быть больше 20 МБ.", fromBytes.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_named_in_the_message()
    {
        var error = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read("/nonexistent/plan.txt", 2020));

        Assert.Contains("/nonexistent/plan.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_bytes_have_the_same_fingerprint()
    {
        var a = PlanFileReader.Read(DesnogorskPath, 2020);
        var b = PlanFileReader.Read(File.ReadAllBytes(DesnogorskPath), "copy.txt", 2020);

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(64, a.Sha256.Length);
    }
}
