using System.Text.Json;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Meetings;

public abstract class MeetingCommandsTests(TestStorage storage)
{
    private TempDatabase? _db;

    private async Task<TempDatabase> DesnogorskAsync()
    {
        var db = _db = await storage.CreateEmptyAsync(TestContext.Current.CancellationToken);
        await CliRunner.RunAsync(db.Settings, "council", "add", "--name", "Общественный совет г. Десногорск", "--slug", "desnogorsk", "--tz", "Europe/Moscow", "--db", db.Path);
        await CliRunner.RunAsync(db.Settings, "plan", "import", RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), "--council", "desnogorsk", "--year", "2020", "--db", db.Path);
        return db;
    }

    private static string[] Cli(TempDatabase db, params string[] args) => [.. args, "--council", "desnogorsk", "--db", db.Path];

    /// <summary>The CLI over the test's database, SQLite or PostgreSQL.</summary>
    private Task<CliRunner.Result> RunAsync(string[] args) => CliRunner.RunAsync(_db!.Settings, args);

    [Fact]
    public async Task A_meeting_on_15_june_gets_the_agenda_the_desnogorsk_plan_calls_for()
    {
        using var db = await DesnogorskAsync();
        await RunAsync(Cli(db, "meeting", "add", "--at", "2020-06-15 15:00", "--place", "Зал заседаний", "--topic", "Разное"));

        var result = await RunAsync(Cli(db, "meeting", "agenda", "1", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var agenda = json.RootElement.GetProperty("agenda").EnumerateArray()
            .Select(l => (l.GetProperty("item").GetString(), l.GetProperty("reason").GetString())).ToArray();
        Assert.Equal(
        [
            ("1", "Overdue"), ("4", "DueAround"), ("5", "DueAround"), ("8", "AwaitsProtocol"), ("9", "DatedByMeeting"),
            ("16", "Overdue"), // its first quarter's report (due 31.03) was never reported
            (null, null),
        ], agenda);
    }

    [Fact]
    public async Task The_secretary_edits_the_agenda_before_it_goes_out()
    {
        using var db = await DesnogorskAsync();
        await RunAsync(Cli(db, "meeting", "add", "--at", "2020-06-15 15:00", "--place", "Зал заседаний"));

        var result = await RunAsync(Cli(db, "meeting", "agenda", "1", "--drop", "1", "--item", "12", "--json"));

        using var json = JsonDocument.Parse(result.Out);
        var items = json.RootElement.GetProperty("agenda").EnumerateArray().Select(l => l.GetProperty("item").GetString()).ToArray();
        Assert.Equal(["4", "5", "8", "9", "12", "16"], items);
    }

    [Fact]
    public async Task The_protocol_closes_item_8_and_dates_item_9_three_days_after_the_meeting()
    {
        using var db = await DesnogorskAsync();
        await RunAsync(Cli(db, "meeting", "add", "--at", "2020-06-15 15:00", "--place", "Зал заседаний"));
        var file = Path.Combine(db.Folder, "протокол.pdf");
        await File.WriteAllTextAsync(file, "%PDF протокол заседания 15.06.2020", TestContext.Current.CancellationToken);

        var result = await RunAsync(Cli(db, "meeting", "protocol", "1", file));
        var show = await RunAsync(Cli(db, "plan", "show", "--json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Закрыты пункты: 8.", result.Out, StringComparison.Ordinal);
        Assert.Contains("П. 9 получил срок: до 18.06.2020.", result.Out, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(db.Folder, "protocols"), "*.pdf").Any());
        using var json = JsonDocument.Parse(show.Out);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("number").GetString()!);
        Assert.Equal("done", items["8"].GetProperty("status").GetString());
        Assert.Equal(("open", "2020-06-18"), (items["9"].GetProperty("status").GetString(), items["9"].GetProperty("due").GetString()));
        Assert.Equal("open", items["2"].GetProperty("status").GetString()); // not on the agenda
    }

    [Fact]
    public async Task Moving_raises_the_sequence_and_cancelling_marks_the_meeting()
    {
        using var db = await DesnogorskAsync();
        await RunAsync(Cli(db, "meeting", "add", "--at", "2020-06-15 15:00", "--place", "Зал заседаний"));

        var moved = await RunAsync(Cli(db, "meeting", "move", "1", "--at", "2020-06-17 10:00"));
        var cancelled = await RunAsync(Cli(db, "meeting", "cancel", "1"));
        var list = await RunAsync(Cli(db, "meeting", "list", "--json"));

        Assert.Equal((0, 0), (moved.ExitCode, cancelled.ExitCode));
        using var json = JsonDocument.Parse(list.Out);
        var meeting = json.RootElement[0];
        Assert.Equal(("2020-06-17T10:00", 2, true), (meeting.GetProperty("start").GetString(), meeting.GetProperty("sequence").GetInt32(), meeting.GetProperty("cancelled").GetBoolean()));
    }

    [Theory]
    [InlineData("meeting", "add", "--at", "15 июня", "--place", "Зал")]
    [InlineData("meeting", "agenda", "abc")]
    public async Task Bad_arguments_are_bad_usage(params string[] args)
    {
        using var db = await DesnogorskAsync();

        var result = await RunAsync(Cli(db, args));

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task An_unknown_meeting_is_refused_with_a_message()
    {
        using var db = await DesnogorskAsync();

        var result = await RunAsync(Cli(db, "meeting", "cancel", "42"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Заседания №42", result.Error, StringComparison.Ordinal);
    }
}

public sealed class MeetingCommandsTestsOnSqlite() : MeetingCommandsTests(TestStorage.Sqlite);

public sealed class MeetingCommandsTestsOnPostgres(PostgresServerFixture postgres) : MeetingCommandsTests(TestStorage.Postgres(postgres));
