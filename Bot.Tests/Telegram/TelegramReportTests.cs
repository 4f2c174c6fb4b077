using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using NokoBot.Domain.Councils;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary><c>/report</c> in chat: the secretary gets the year's report as a Word file; nobody else does.</summary>
public sealed class TelegramReportTests
{
    private const long Secretary = 700;
    private const long Member = 701;

    private static List<string> CellLines(TableCell cell) =>
        [.. cell.Elements<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))];

    [Fact]
    public async Task The_secretary_gets_the_years_report_as_a_valid_word_file_with_every_item_and_its_status()
    {
        await using var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken);
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);
        rig.Api.PushText(Secretary, "/done 5");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("п. 5", StringComparison.Ordinal));

        rig.Api.PushText(Secretary, "/report");
        FakeTelegramBotApi.SentDocument? sent = null;
        await Eventually.TrueAsync(() => (sent = rig.Api.Documents.FirstOrDefault(d => d.ChatId == Secretary)) is not null, "the report file", TimeSpan.FromSeconds(15));

        Assert.Equal("desnogorsk-2020-report.docx", sent!.FileName);
        Assert.Contains("Отчёт за 2020 год", sent.Caption, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(sent.Content), false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var items = document.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .Single(t => CellLines(t.Elements<TableRow>().First().Elements<TableCell>().First())[0] == "№");
        var rows = items.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(CellLines).ToList()).ToList();
        Assert.Equal(["4", "5", "8"], rows.Select(r => r[0][0]));
        Assert.Equal("выполнен", rows[1][5][0]);
        Assert.Equal("в работе", rows[0][5][0]);
    }

    [Fact]
    public async Task A_member_and_a_year_without_a_plan_get_a_clear_answer_and_no_file()
    {
        await using var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken);
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);
        await rig.LinkAsync(Member, "Комитет по образованию");

        rig.Api.PushText(Member, "/report");
        rig.Api.PushText(Secretary, "/report 2019");

        await rig.WaitForTextAsync(Member, t => t.Contains("только секретарю и председателю", StringComparison.Ordinal));
        await rig.WaitForTextAsync(Secretary, t => t.Contains("нет плана на 2019 год", StringComparison.Ordinal));
        Assert.Empty(rig.Api.Documents);
    }
}
