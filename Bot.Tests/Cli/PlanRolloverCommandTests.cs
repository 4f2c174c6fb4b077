using System.Text.Json;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

/// <summary>
/// <c>plan rollover</c> on the simulated Desnogorsk 2020 year (item 1 closed by the README's script): recurring and
/// continuous items carried to 2021 with moved dates, unfinished ones only when kept, nothing written on a dry run.
/// </summary>
public sealed class PlanRolloverCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nokobot-rollover-test-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private async Task<string> SimulatedYearAsync()
    {
        var script = Path.Combine(_folder.FullName, "replies.txt");
        await File.WriteAllLinesAsync(script, ["2020-03-20 done 1"], TestContext.Current.CancellationToken);
        var db = Path.Combine(_folder.FullName, "simulated.db");
        var simulate = await CliRunner.RunAsync("simulate", "--plan", RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), "--year", "2020",
            "--replies", script, "--out", Path.Combine(_folder.FullName, "out"), "--keep-db", db, "--json");
        Assert.True(simulate.ExitCode == 0, simulate.Error);
        return db;
    }

    [Fact]
    public async Task A_dry_run_shows_the_draft_and_writes_nothing_then_the_rollover_stores_the_carried_and_kept_items()
    {
        var db = await SimulatedYearAsync();

        var dry = await CliRunner.RunAsync("plan", "rollover", "--council", "desnogorsk", "--to", "2021", "--dry-run", "--json", "--db", db);
        var noPlanYet = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--year", "2021", "--json", "--db", db);
        var stored = await CliRunner.RunAsync("plan", "rollover", "--council", "desnogorsk", "--to", "2021", "--keep", "4", "--json", "--db", db);
        var shown = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--year", "2021", "--json", "--db", db);

        Assert.True(dry.ExitCode == 0, dry.Error);
        using var draft = JsonDocument.Parse(dry.Out);
        Assert.True(draft.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["15", "16"], draft.RootElement.GetProperty("carried").EnumerateArray().Select(e => e.GetString()));
        var unfinished = draft.RootElement.GetProperty("unfinished").EnumerateArray().Select(e => e.GetProperty("number").GetString()).ToList();
        Assert.DoesNotContain("1", unfinished);
        Assert.Contains("4", unfinished);
        Assert.Equal(1, noPlanYet.ExitCode);

        Assert.True(stored.ExitCode == 0, stored.Error);
        Assert.True(shown.ExitCode == 0, shown.Error);
        using var plan = JsonDocument.Parse(shown.Out);
        Assert.Equal(2021, plan.RootElement.GetProperty("year").GetInt32());
        var items = plan.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["4", "15", "16"], items.Select(i => i.GetProperty("number").GetString()));
        // «июнь» of 2020 became June 2021; the quarterly item is quarterly still.
        Assert.Equal("2021-06-30", items[0].GetProperty("deadline").GetProperty("end").GetString());
        Assert.Equal("recurring", items[2].GetProperty("deadline").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_year_already_planned_an_unknown_kept_item_and_a_year_outside_the_calendar_are_refused()
    {
        var db = await SimulatedYearAsync();

        var notUnfinished = await CliRunner.RunAsync("plan", "rollover", "--council", "desnogorsk", "--to", "2021", "--keep", "1", "--db", db);
        var existing = await CliRunner.RunAsync("plan", "rollover", "--council", "desnogorsk", "--to", "2020", "--db", db);
        var noCalendar = await CliRunner.RunAsync("plan", "rollover", "--council", "desnogorsk", "--to", "2041", "--db", db);
        var noSource = await CliRunner.RunAsync("plan", "rollover", "--council", "desnogorsk", "--to", "2023", "--db", db);

        Assert.Equal(1, notUnfinished.ExitCode);
        Assert.Contains("п. 1 нет среди невыполненных", notUnfinished.Error, StringComparison.Ordinal);
        Assert.Contains("План на 2020 год уже загружен", existing.Error, StringComparison.Ordinal);
        Assert.Contains("нет 2041 года", noCalendar.Error, StringComparison.Ordinal);
        Assert.Contains("Нет плана на 2022 год", noSource.Error, StringComparison.Ordinal);
        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--year", "2021", "--db", db);
        Assert.Equal(1, show.ExitCode);
    }
}
