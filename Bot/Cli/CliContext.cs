using System.CommandLine;
using Microsoft.Extensions.Configuration;
using NokoBot.Storage;
using Spectre.Console;

namespace NokoBot.Cli;

/// <summary>What a command needs: its writers, a console for tables, the clock and the database.</summary>
public sealed class CliContext(string dbPath, TextWriter output, TextWriter error, IConfiguration configuration)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public IConfiguration Configuration { get; } = configuration;
    public TimeProvider Time { get; } = TimeProvider.System;
    public string DbPath { get; } = dbPath;

    public IAnsiConsole Console { get; } = CreateConsole(output);

    /// <summary>Opens the database, bringing its schema up to date first.</summary>
    public async Task<SqliteDatabase> OpenDatabaseAsync(CancellationToken ct)
    {
        var database = new SqliteDatabase(DbPath);
        await new MigrationRunner(database, Time).ApplyAsync(ct);
        return database;
    }

    public async Task<int> RefuseAsync(string russianMessage)
    {
        await Error.WriteLineAsync(russianMessage);
        return NokoBotCli.Refused;
    }

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

/// <summary>Builds a <see cref="CliContext"/> for a parsed command line (configuration is read lazily, once per run).</summary>
public sealed class CliContextFactory(Option<string?> db, TextWriter output, TextWriter error)
{
    public CliContext Create(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "config", "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var path = parse.GetValue(db) ?? configuration[$"{StorageOptions.Section}:Path"] ?? new StorageOptions().Path;
        return new CliContext(path, output, error, configuration);
    }
}
