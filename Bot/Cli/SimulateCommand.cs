using System.CommandLine;
using System.Globalization;
using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Texts;
using NokoBot.Simulation;

namespace NokoBot.Cli;

internal static class SimulateCommand
{
    public static Command Build(CliContextFactory contexts)
    {
        var plan = new Option<string>("--plan") { Description = "The plan file to play (text or .docx)", Required = true };
        var year = CliOptions.Year(required: true, "The plan's year");
        var council = new Option<string?>("--council", "-c") { Description = "A council from config/councils (default: guessed from the plan file name)" };
        var from = DateOption("--from", "First day to play, yyyy-MM-dd (default: 1 January of --year)");
        var to = DateOption("--to", "Last day to play, yyyy-MM-dd (default: 31 December of --year)");
        var replies = new Option<string?>("--replies") { Description = "A script of members' replies: lines like '2020-03-20 done 1', '2020-06-25 postpone 4 2020-07-15'" };
        var output = new Option<string>("--out") { Description = "Where the transcript and the .eml files go", DefaultValueFactory = _ => Path.Combine("out", "simulate") };
        var json = CliOptions.Json();
        var keep = new Option<string?>("--keep-db") { Description = "Keep the simulation's database in this new file (e.g. for 'nokobot report --db …')" };
        var command = new Command("simulate", "Play a plan's year in virtual time: no secrets, no network; messages are written to files")
        {
            plan, year, council, from, to, replies, output, json, keep,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var planYear = parse.GetValue(year);
            var first = parse.GetValue(from) ?? new DateOnly(planYear, 1, 1);
            var last = parse.GetValue(to) ?? new DateOnly(planYear, 12, 31);
            if (last < first) return await context.RefuseAsync(SimulationTexts.ToLessThanFrom);
            // A kept database is a new file: pointing it at a real one must not overwrite it.
            if (parse.GetValue(keep) is { } kept && File.Exists(kept)) return await context.RefuseAsync(SimulationTexts.KeepDbExists(kept));

            PlanFile file;
            IReadOnlyList<ScriptAction> script;
            try
            {
                file = PlanFileReader.Read(parse.GetValue(plan)!, planYear);
                script = parse.GetValue(replies) is { } path
                    ? File.Exists(path) ? RepliesScript.Parse(File.ReadLines(path)) : throw new FormatException(SimulationTexts.ScriptNotFound(path))
                    : [];
            }
            catch (Exception e) when (e is PlanFormatException or FormatException)
            {
                return await context.RefuseAsync(e.Message);
            }

            var definition = CouncilDefinition.Find(parse.GetValue(council), parse.GetValue(plan)!);
            var options = new SimulationOptions(file.Import, file.FileName, planYear, definition, first, last, script, parse.GetValue(output)!,
                parse.GetValue(keep) is { } keepPath ? Path.GetFullPath(keepPath) : null);
            SimulationResult result;
            try
            {
                result = await new Simulator(context.Error).RunAsync(options, context.Overrides, ct);
            }
            catch (FormatException e)
            {
                return await context.RefuseAsync(e.Message);
            }
            if (parse.GetValue(json))
                await context.Out.WriteLineAsync(SimulationReport.ToJson(result));
            else
                SimulationReport.WriteTables(context.Console, result);
            return NokoBotCli.Ok;
        });
        return command;
    }

    private static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            r.AddError($"{name} must be a date like 2020-06-01, got '{text}'.");
            return null;
        },
    };
}
