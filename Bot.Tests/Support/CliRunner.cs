using NokoBot.Cli;

namespace NokoBot.Tests.Support;

/// <summary>Runs the real <c>nokobot</c> command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);

    /// <param name="settings">Settings under the command line's own: the storage of a test database, say.</param>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await NokoBotCli.RunAsync(args, output, error, settings, TestContext.Current.CancellationToken);
        return new Result(code, output.ToString(), error.ToString());
    }
}
