using System.Text.Json;
using Dapper;
using NokoBot.Domain.Replies;
using NokoBot.Storage;
using NokoBot.Tests.Plans.Layouts;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

public sealed class PlanCommandsTests
{
    private static readonly string Desnogorsk = RepoPaths.Of("config", "plans", "desnogorsk-2020.txt");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dry_run_json_prints_every_item_with_its_deadline_fields_and_touches_no_database()
    {
        using var db = new TempDatabase();

        var result = await CliRunner.RunAsync("plan", "import", Desnogorsk, "--year", "2020", "--dry-run", "--json", "--db", db.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(db.Path));
        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(16, items.Count);
        var first = items[0];
        Assert.Equal("1", first.GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("section").ValueKind);
        Assert.Equal(["Комитет по образованию", "Общественный совет"], first.GetProperty("responsible").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("январь - март", first.GetProperty("deadlineText").GetString());
        Assert.Equal("""{"kind":"window","start":"2020-01-01","end":"2020-03-31"}""", first.GetProperty("deadline").GetRawText());
        Assert.Equal("""{"kind":"relative","amount":10,"unit":"days","anchor":"поступления информации о результатах НОКО"}""", items[7].GetProperty("deadline").GetRawText());
        Assert.Equal("""{"kind":"recurring","every":"quarter"}""", items[15].GetProperty("deadline").GetRawText());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("warnings").ValueKind);
        Assert.Equal("""{"number":1,"action":2,"responsible":3,"deadline":4,"result":5}""", json.RootElement.GetProperty("columns").GetRawText());
        Assert.Equal("column", json.RootElement.GetProperty("numbering").GetString());
    }

    private static async Task<string> LayoutFileAsync(TempDatabase db, PlanLayoutSample sample, LayoutFormat format)
    {
        var path = Path.Combine(db.Folder, LayoutFiles.FileName(sample, format));
        await File.WriteAllBytesAsync(path, LayoutFiles.Render(sample, format), TestContext.Current.CancellationToken);
        return path;
    }

    [Fact]
    public async Task Dry_run_json_says_which_column_holds_what_and_why()
    {
        using var db = new TempDatabase();
        var file = await LayoutFileAsync(db, CouncilLayouts.UnknownHeaders, LayoutFormat.Docx);

        var result = await CliRunner.RunAsync("plan", "import", file, "--year", "2020", "--dry-run", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("items").GetArrayLength());
        Assert.Equal("""{"number":1,"action":3,"responsible":4,"deadline":2,"result":null}""", root.GetProperty("columns").GetRawText());
        var reasons = root.GetProperty("columnReasons");
        Assert.Equal("""{"by":"header","reason":"заголовок «№»"}""", reasons.GetProperty("number").GetRawText());
        Assert.Equal("""{"by":"content","reason":"по содержимому: сроки в 3 из 3 заполненных ячеек"}""", reasons.GetProperty("deadline").GetRawText());
        Assert.Equal("content", reasons.GetProperty("responsible").GetProperty("by").GetString());
        Assert.False(reasons.TryGetProperty("result", out _));
        Assert.Equal("column", root.GetProperty("numbering").GetString());
        Assert.Equal("[5]", root.GetProperty("unusedColumns").GetRawText());
    }

    [Fact]
    public async Task The_secretary_can_say_where_the_columns_are()
    {
        using var db = new TempDatabase();
        var file = await LayoutFileAsync(db, CouncilLayouts.UnknownHeaders, LayoutFormat.CellPerLine);

        var result = await CliRunner.RunAsync("plan", "import", file, "--year", "2020", "--dry-run", "--json", "--columns", "responsible=5, number=0");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(["по обращениям"], root.GetProperty("items")[1].GetProperty("responsible").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("override", root.GetProperty("columnReasons").GetProperty("responsible").GetProperty("by").GetString());
        Assert.Equal(("order", JsonValueKind.Null), (root.GetProperty("numbering").GetString(), root.GetProperty("columns").GetProperty("number").ValueKind));
    }

    [Theory]
    [InlineData("action=2,when=3", "«when» — не колонка плана")]
    [InlineData("action=two", "нужен номер колонки")]
    [InlineData("action=2,deadline=2", "колонка 2 указана и для «action», и для «deadline»")]
    [InlineData("action=2,action=3", "«action» указана дважды")]
    [InlineData("action=0", "без колонки мероприятия")]
    [InlineData("action", "ожидается список")]
    public async Task Columns_that_make_no_sense_are_refused_before_reading(string columns, string message)
    {
        var result = await CliRunner.RunAsync("plan", "import", Desnogorsk, "--year", "2020", "--dry-run", "--columns", columns);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_column_the_file_does_not_have_is_refused_with_the_last_one()
    {
        var result = await CliRunner.RunAsync("plan", "import", Desnogorsk, "--year", "2020", "--dry-run", "--columns", "action=9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Колонки 9 в таблице плана нет: последняя колонка — 5-я.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readable_report_says_how_the_columns_were_taken_and_how_to_correct_them()
    {
        using var db = new TempDatabase();
        var file = await LayoutFileAsync(db, CouncilLayouts.UnknownHeaders, LayoutFormat.RowPerLine);

        var result = await CliRunner.RunAsync("plan", "import", file, "--year", "2020", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        var text = result.Out.ReplaceLineEndings(" ");
        Assert.Contains("Колонки: № — колонка 1 (заголовок «№»); мероприятие — колонка 3 (по содержимому: описания мероприятий", text, StringComparison.Ordinal);
        Assert.Contains("Не прочитаны: колонка 5 «Примечание».", text, StringComparison.Ordinal);
        Assert.Contains("--columns action=2,deadline=3,responsible=4", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_plan_exits_1_with_a_russian_message_and_writes_nothing()
    {
        using var db = new TempDatabase();
        var binary = Path.Combine(db.Folder, "photo.txt");
        await File.WriteAllBytesAsync(binary, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46], TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("plan", "import", binary, "--year", "2020", "--dry-run", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("не является текстовым планом", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_for_a_council_stores_the_plan_once_and_shows_it_back()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Общественный совет г. Десногорск", "--slug", "desnogorsk", "--tz", "Europe/Moscow", "--db", db.Path);

        var first = await CliRunner.RunAsync("plan", "import", Desnogorsk, "--council", "desnogorsk", "--year", "2020", "--db", db.Path);
        var again = await CliRunner.RunAsync("plan", "import", Desnogorsk, "--council", "desnogorsk", "--year", "2020", "--db", db.Path);
        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", db.Path);

        Assert.Equal((0, 0, 0), (first.ExitCode, again.ExitCode, show.ExitCode));
        Assert.Contains("добавлено 16", first.Out, StringComparison.Ordinal);
        Assert.Contains("изменений нет", again.Out, StringComparison.Ordinal);
        Assert.Contains("Ответственные без участников", first.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(show.Out);
        Assert.Equal(16, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Contains("организация-оператор", json.RootElement.GetProperty("unlinkedParties").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Importing_the_same_file_again_with_corrected_columns_updates_the_plan()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Общественный совет г. Десногорск", "--slug", "desnogorsk", "--tz", "Europe/Moscow", "--db", db.Path);
        var file = await LayoutFileAsync(db, CouncilLayouts.UnknownHeaders, LayoutFormat.Docx);

        var first = await CliRunner.RunAsync("plan", "import", file, "--council", "desnogorsk", "--year", "2020", "--db", db.Path);
        var corrected = await CliRunner.RunAsync("plan", "import", file, "--council", "desnogorsk", "--year", "2020", "--columns", "responsible=5", "--db", db.Path);
        var again = await CliRunner.RunAsync("plan", "import", file, "--council", "desnogorsk", "--year", "2020", "--columns", "responsible=5", "--db", db.Path);
        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", db.Path);

        Assert.Equal((0, 0, 0, 0), (first.ExitCode, corrected.ExitCode, again.ExitCode, show.ExitCode));
        Assert.DoesNotContain("изменений нет", corrected.Out, StringComparison.Ordinal);
        Assert.Contains("изменений нет", again.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(show.Out);
        Assert.Equal(["по обращениям"], json.RootElement.GetProperty("items")[1].GetProperty("responsible").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Importing_for_an_unknown_council_is_refused_and_says_how_to_add_it()
    {
        using var db = new TempDatabase();

        var result = await CliRunner.RunAsync("plan", "import", Desnogorsk, "--council", "nowhere", "--year", "2020", "--db", db.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nokobot council add", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readable_table_shows_how_deadlines_were_understood_and_which_need_a_date()
    {
        var result = await CliRunner.RunAsync("plan", "import", Desnogorsk, "--year", "2020", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("с 01.01.2020 по 31.03.2020", result.Out, StringComparison.Ordinal);
        Assert.Contains("нужна дата", result.Out, StringComparison.Ordinal);
        Assert.Contains("Нужна дата: п. 2, 3, 6, 7, 12", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_json_gives_each_items_status_current_due_date_and_which_parties_have_reported()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Общественный совет г. Десногорск", "--slug", "desnogorsk", "--tz", "Europe/Moscow", "--db", db.Path);
        await CliRunner.RunAsync("plan", "import", Desnogorsk, "--council", "desnogorsk", "--year", "2020", "--db", db.Path);
        var replies = new ReplyStore(db.Database);
        var at = new DateTimeOffset(2020, 6, 20, 12, 0, 0, TimeSpan.Zero);
        await replies.AppendAsync(new Reply(await ItemIdAsync(db, "1"), ReplyKind.Done, at, Party: "Комитет по образованию"), _ct);
        await replies.AppendAsync(new Reply(await ItemIdAsync(db, "4"), ReplyKind.Done, at, Party: "Комитет по образованию"), _ct);
        await replies.AppendAsync(new Reply(await ItemIdAsync(db, "4"), ReplyKind.Done, at.AddHours(1), Party: "Общественный совет"), _ct);
        await replies.AppendAsync(new Reply(await ItemIdAsync(db, "5"), ReplyKind.Postponed, at, Party: "Комитет по образованию", Comment: "ждём оператора", NewDate: new(2020, 9, 15)), _ct);

        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", db.Path);

        Assert.Equal(0, show.ExitCode);
        using var json = JsonDocument.Parse(show.Out);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("number").GetString()!);
        Assert.Equal(16, items.Count);
        // One of two parties reported: still open, and it says which one.
        Assert.Equal(("open", "2020-03-31"), (items["1"].GetProperty("status").GetString(), items["1"].GetProperty("due").GetString()));
        Assert.Equal([("Комитет по образованию", true), ("Общественный совет", false)], Parties(items["1"]));
        // Both reported: done.
        Assert.Equal("done", items["4"].GetProperty("status").GetString());
        Assert.Equal([("Общественный совет", true), ("Комитет по образованию", true)], Parties(items["4"]));
        // A postponement moves the due date; an item nobody dated has none.
        Assert.Equal(("open", "2020-09-15"), (items["5"].GetProperty("status").GetString(), items["5"].GetProperty("due").GetString()));
        Assert.Equal(("open", JsonValueKind.Null), (items["2"].GetProperty("status").GetString(), items["2"].GetProperty("due").ValueKind));
        Assert.Equal(JsonValueKind.Null, items["15"].GetProperty("due").ValueKind); // «постоянно»
        // The fields that were there stay as they were.
        Assert.Equal("январь - март", items["1"].GetProperty("deadlineText").GetString());
        Assert.Equal("""{"kind":"window","start":"2020-06-01","end":"2020-08-31"}""", items["5"].GetProperty("deadline").GetRawText());
        Assert.Equal(["Общественный совет", "Комитет по образованию"], items["4"].GetProperty("responsible").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_secretarys_date_is_the_due_date_of_an_unscheduled_item()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Общественный совет г. Десногорск", "--slug", "desnogorsk", "--tz", "Europe/Moscow", "--db", db.Path);
        await CliRunner.RunAsync("plan", "import", Desnogorsk, "--council", "desnogorsk", "--year", "2020", "--db", db.Path);
        await using (var connection = await db.Database.OpenAsync(_ct))
            await connection.ExecuteAsync(new CommandDefinition("UPDATE plan_items SET due_override = '2020-07-10' WHERE number = '2'", cancellationToken: _ct));

        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", db.Path);

        using var json = JsonDocument.Parse(show.Out);
        var item2 = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == "2");
        Assert.Equal(("open", "2020-07-10"), (item2.GetProperty("status").GetString(), item2.GetProperty("due").GetString()));
        Assert.Equal([("Общественный совет", false)], Parties(item2));
    }

    private static List<(string?, bool)> Parties(JsonElement item) =>
        [.. item.GetProperty("parties").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("done").GetBoolean()))];

    private static async Task<long> ItemIdAsync(TempDatabase db, string number)
    {
        await using var connection = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM plan_items WHERE number = @number", new { number }, cancellationToken: TestContext.Current.CancellationToken));
    }
}
