using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public async Task A_missing_bot_token_is_a_clear_start_up_error_naming_the_variable_without_a_stack_trace()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable("Telegram__BotToken") is not null, "a token is set in this environment");
        using var db = new TempDatabase();

        var result = await CliRunner.RunAsync("run", "--db", db.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Telegram__BotToken", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
