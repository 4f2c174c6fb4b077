using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Reports;

/// <summary>
/// The year-end report of the simulated Desnogorsk 2020 year. The year is played by the real <c>simulate</c> (with the
/// README's replies script) keeping its database (<c>--keep-db</c>), and the real <c>report</c> reads that database: the
/// same path an operator takes, no second copy of the scenario in the test.
/// </summary>
public sealed class YearReportTests : IDisposable
{
    /// <summary>The README's replies script.</summary>
    private static readonly string[] ReadmeScript =
    [
        "2020-03-20 done 1",
        "2020-03-20 14:30 done 1 \"Комитет по образованию\"",
        "2020-06-25 postpone 4 2020-07-15 ждём оператора",
        "2020-02-03 setdue 2 2020-03-16",
        "2020-09-14 event поступление результатов НОКО",
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nokobot-report-test-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private async Task<string> SimulateAsync()
    {
        var script = Path.Combine(_folder.FullName, "replies.txt");
        await File.WriteAllLinesAsync(script, ReadmeScript, TestContext.Current.CancellationToken);
        var db = Path.Combine(_folder.FullName, "simulated.db");
        var simulate = await CliRunner.RunAsync("simulate", "--plan", RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), "--year", "2020",
            "--replies", script, "--out", Path.Combine(_folder.FullName, "out"), "--keep-db", db, "--json");
        Assert.True(simulate.ExitCode == 0, simulate.Error);
        return db;
    }

    private static List<string> CellLines(TableCell cell) =>
        [.. cell.Elements<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))];

    [Fact]
    public async Task The_simulated_year_reports_in_word_with_a_real_table_of_all_16_items_and_their_statuses()
    {
        var db = await SimulateAsync();
        var docx = Path.Combine(_folder.FullName, "report.docx");

        var result = await CliRunner.RunAsync("report", "--council", "desnogorsk", "--year", "2020", "--format", "docx", "--out", docx, "--db", db);

        Assert.True(result.ExitCode == 0, result.Error);
        using var document = WordprocessingDocument.Open(docx, false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title" && p.InnerText.Contains("Десногорск", StringComparison.Ordinal));
        Assert.Contains(body.Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Subtitle" && p.InnerText == "за 2020 год");
        var items = body.Elements<Table>().Single(t => CellLines(t.Elements<TableRow>().First().Elements<TableCell>().First())[0] == "№");
        var rows = items.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(CellLines).ToList()).ToList();
        Assert.NotNull(items.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["№", "Мероприятие", "Ответственные", "Срок по плану", "Итоговый срок", "Статус", "Отметки о выполнении", "Переносы", "Протоколы"],
            rows[0].Select(c => c[0]));

        var data = rows.Skip(1).ToList();
        Assert.Equal([.. Enumerable.Range(1, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))], data.Select(r => r[0][0]));
        Assert.All(data, r => Assert.Contains(r[5][0], (string[])["выполнен", "в работе", "просрочен"]));
        // Item 1 was closed on 20 March; item 4 was postponed to 15 July with its reason, then left open.
        Assert.Equal("выполнен", data[0][5][0]);
        Assert.StartsWith("секретарь, 20.03.2020", data[0][6][0], StringComparison.Ordinal);
        Assert.Equal("просрочен", data[3][5][0]);
        Assert.Equal("15.07.2020", data[3][4][0]);
        Assert.Equal("на 15.07.2020: ждём оператора", data[3][7][0]);
        // Item 2 got its date from the secretary.
        Assert.Equal("16.03.2020", data[1][4][0]);
    }

    [Fact]
    public async Task The_html_report_has_the_same_items_and_a_chart_drawn_in_place()
    {
        var db = await SimulateAsync();
        var html = Path.Combine(_folder.FullName, "report.html");

        var result = await CliRunner.RunAsync("report", "--council", "desnogorsk", "--year", "2020", "--format", "html", "--out", html, "--db", db);

        Assert.True(result.ExitCode == 0, result.Error);
        var text = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.Contains("за 2020 год", text, StringComparison.Ordinal);
        Assert.Contains("на 15.07.2020: ждём оператора", text, StringComparison.Ordinal);
        Assert.Equal(16 + 1, System.Text.RegularExpressions.Regex.Count(text.Split("<h2>Пункты плана</h2>")[1].Split("</table>")[0], "<tr>"));
        Assert.DoesNotContain("http", text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_without_a_plan_and_an_unknown_format_are_refused()
    {
        var db = await SimulateAsync();

        var noPlan = await CliRunner.RunAsync("report", "--council", "desnogorsk", "--year", "2019", "--out", Path.Combine(_folder.FullName, "r.docx"), "--db", db);
        var badFormat = await CliRunner.RunAsync("report", "--council", "desnogorsk", "--year", "2020", "--format", "pdf", "--out", Path.Combine(_folder.FullName, "r.pdf"), "--db", db);

        Assert.Equal(1, noPlan.ExitCode);
        Assert.Contains("нет плана на 2019 год", noPlan.Error, StringComparison.Ordinal);
        Assert.Equal(1, badFormat.ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "r.docx")));
    }
}
