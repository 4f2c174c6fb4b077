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
