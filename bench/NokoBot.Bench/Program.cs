using NokoBot.Bench;

// Usage: dotnet run -c Release --project bench/NokoBot.Bench -- [scenario …]  (default: all)
var scenarios = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["parser"] = ParserScenario.RunAsync,
    ["ingest"] = IngestScenario.RunAsync,
    ["scale"] = ScaleScenario.RunAsync,
    ["scale-postgres"] = ScalePostgresScenario.RunAsync,
    ["dispatch"] = DispatchScenario.RunAsync,
    ["timing"] = TimingScenario.RunAsync,
    ["restart"] = RestartScenario.RunAsync,
    ["footprint"] = FootprintScenario.RunAsync,
    ["web"] = WebScenario.RunAsync,
    ["imap"] = ImapScenario.RunAsync,
};
foreach (var name in args.Length > 0 ? args : [.. scenarios.Keys])
{
    if (!scenarios.TryGetValue(name, out var run))
    {
        await Console.Error.WriteLineAsync($"unknown scenario '{name}'; known: {string.Join(", ", scenarios.Keys)}");
        return 2;
    }
    await run();
}
return 0;
