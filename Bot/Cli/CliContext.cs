using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NokoBot.Hosting;
using NokoBot.Storage;
using Spectre.Console;

namespace NokoBot.Cli;

/// <summary>
/// What a command needs: its writers, a console for tables, and the services of the one composition root (built
/// lazily, once per command: a verb that only reads a file builds nothing).
/// </summary>
public sealed class CliContext(IReadOnlyDictionary<string, string?> overrides, TextWriter output, TextWriter error) : IDisposable
{
    private IHost? _host;

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    public IAnsiConsole Console { get; } = CreateConsole(output);

    /// <summary>The settings the composition root sees, with this command line's overrides (<c>--db</c>).</summary>
    public IReadOnlyDictionary<string, string?> Overrides => overrides;

    public IServiceProvider Services => (_host ??= NokoBotHost.CreateBuilder(new Dictionary<string, string?>(overrides)).Build()).Services;

    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The database, its schema brought up to date first.</summary>
    public async Task<Database> OpenDatabaseAsync(CancellationToken ct)
    {
        await Get<MigrationRunner>().ApplyAsync(ct);
        return Get<Database>();
    }

    public async Task<int> RefuseAsync(string russianMessage)
    {
        await Error.WriteLineAsync(russianMessage);
        return NokoBotCli.Refused;
    }

    public void Dispose() => _host?.Dispose();

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var interactive = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        if (!interactive) console.Profile.Width = 200;
        return console;
    }
}

/// <summary>Builds a <see cref="CliContext"/> for a parsed command line.</summary>
public sealed class CliContextFactory(Option<string?> db, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
{
    public CliContext Create(ParseResult parse, IReadOnlyDictionary<string, string?>? more = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        // A CLI verb's own logs are the operator's business, not its output: warnings and worse, on stderr.
        var overrides = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
        foreach (var (key, value) in StorageOverride(parse)) overrides[key] = value;
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) overrides[key] = value;
        return new CliContext(overrides, output, error);
    }

    /// <summary>The database <c>--db</c> names, over the configured one.</summary>
    public Dictionary<string, string?> StorageOverride(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(db) is { } path ? new() { [$"{StorageOptions.Section}:Path"] = path } : [];
    }
}
