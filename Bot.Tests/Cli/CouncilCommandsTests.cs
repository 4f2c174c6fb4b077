using System.Text.Json;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

public sealed class CouncilCommandsTests
{
    [Fact]
    public async Task Added_councils_are_listed_with_their_time_zones()
    {
        using var db = new TempDatabase();

        var desnogorsk = await CliRunner.RunAsync("council", "add", "--name", "Общественный совет г. Десногорск", "--tz", "Europe/Moscow", "--db", db.Path);
        var zeya = await CliRunner.RunAsync("--db", db.Path, "council", "add", "--name", "Общественный совет города Зеи", "--slug", "zeya", "--tz", "Asia/Yakutsk");
        var list = await CliRunner.RunAsync("council", "list", "--json", "--db", db.Path);

        Assert.Equal((0, 0), (desnogorsk.ExitCode, zeya.ExitCode));
        Assert.Contains("desnogorsk", desnogorsk.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(list.Out);
        Assert.Equal(
            [("desnogorsk", "Europe/Moscow"), ("zeya", "Asia/Yakutsk")],
            json.RootElement.EnumerateArray().Select(c => (c.GetProperty("slug").GetString(), c.GetProperty("timeZone").GetString())));
    }

    [Fact]
    public async Task A_taken_slug_is_refused_with_a_message()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Совет", "--slug", "zeya", "--tz", "Asia/Yakutsk", "--db", db.Path);

        var again = await CliRunner.RunAsync("council", "add", "--name", "Другой совет", "--slug", "zeya", "--tz", "Europe/Moscow", "--db", db.Path);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("уже есть", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("Moscow")]
    [InlineData("")]
    public async Task An_unknown_time_zone_is_bad_usage_and_creates_nothing(string tz)
    {
        using var db = new TempDatabase();

        var result = await CliRunner.RunAsync("council", "add", "--name", "Совет", "--slug", "x1", "--tz", tz, "--db", db.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("time zone", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path));
    }
}
