using System.Text.Json;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

public sealed class DeadlineCommandsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("январь -\nмарт")]
    [InlineData("какая-то ерунда <b>")]
    public async Task Parse_with_json_prints_one_object_on_one_line_with_the_text_verbatim(string text)
    {
        var result = await CliRunner.RunAsync("deadline", "parse", text, "--year", "2020", "--json");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(text, json.RootElement.GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("kind").GetString()));
    }

    [Theory]
    // The contract's new fields appear only where they apply; every older phrasing prints what it printed before.
    [InlineData("ежемесячно до 5 числа", """{"text":"ежемесячно до 5 числа","kind":"recurring","every":"month","day":5}""")]
    [InlineData("ежеквартально, до 10 числа месяца, следующего за отчётным кварталом",
        """{"text":"ежеквартально, до 10 числа месяца, следующего за отчётным кварталом","kind":"recurring","every":"quarter","day":10,"following":true}""")]
    [InlineData("не реже одного раза в полугодие", """{"text":"не реже одного раза в полугодие","kind":"recurring","every":"half-year","atLeast":true}""")]
    [InlineData("май и октябрь",
        """{"text":"май и октябрь","kind":"series","windows":[{"start":"2020-05-01","end":"2020-05-31"},{"start":"2020-10-01","end":"2020-10-31"}]}""")]
    [InlineData("ежеквартально", """{"text":"ежеквартально","kind":"recurring","every":"quarter"}""")]
    [InlineData("II квартал", """{"text":"II квартал","kind":"window","start":"2020-04-01","end":"2020-06-30"}""")]
    public async Task Parse_with_json_writes_the_contract(string text, string expected)
    {
        var result = await CliRunner.RunAsync("deadline", "parse", text, "--year", "2020", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Out.Trim());
    }

    [Theory]
    [InlineData("deadline", "parse", "--year", "2020")]
    [InlineData("deadline", "parse", "июнь", "--year", "1812")]
    [InlineData("deadline", "parse", "июнь", "--year", "двадцатый")]
    [InlineData("deadline", "frobnicate")]
    public async Task Bad_usage_exits_2_with_a_message_on_stderr(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error.Trim());
        Assert.Empty(result.Out);
    }
}
