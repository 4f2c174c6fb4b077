using System.CommandLine;
using System.Text;
using NokoBot.Texts;

namespace NokoBot.Cli;

/// <summary>The <c>nokobot</c> command line. Exit codes: 0 ok, 1 the input or data was refused, 2 bad usage.</summary>
public static class NokoBotCli
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int BadUsage = 2;

    /// <param name="settings">Settings over the configuration's, under the command line's own (tests: the storage).</param>
    public static RootCommand Build(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var db = new Option<string?>("--db")
        {
            Description = "SQLite database file (default: Storage:Path from configuration, else data/nokobot.db)",
            Recursive = true,
        };
        var context = new CliContextFactory(db, output, error, settings);
        return new RootCommand(CliTexts.RootDescription)
        {
            db,
            CouncilCommands.Build(context),
            PlanCommands.Build(context),
            DeadlineCommands.Build(context),
            DbCommands.Build(context),
            DigestCommands.Build(context),
            SimulateCommand.Build(context),
            RunCommand.Build(context),
            InviteCommand.Build(context),
            MemberCommands.Build(context),
            MeetingCommands.Build(context),
            ReportCommand.Build(context),
            WebCommand.Build(context),
        };
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct) =>
        RunAsync(args, output, error, null, ct);

    internal static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings, CancellationToken ct)
    {
        if (ReferenceEquals(output, Console.Out)) Console.OutputEncoding = Encoding.UTF8;
        var parse = Build(output, error, settings).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync("Run 'nokobot --help' for usage.");
            return BadUsage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }
}
