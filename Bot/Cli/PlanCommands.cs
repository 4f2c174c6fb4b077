using System.CommandLine;
using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Storage;
using NokoBot.Texts;
using Spectre.Console;

namespace NokoBot.Cli;

internal static class PlanCommands
{
    public static Command Build(CliContextFactory contexts) =>
        new("plan", "Import and show a council's plan") { BuildImport(contexts), BuildShow(contexts), PlanRolloverCommand.Build(contexts) };

    private static Command BuildImport(CliContextFactory contexts)
    {
        var file = new Argument<string>("file") { Description = "The plan: plain text exported from Word, or a .docx whose first table is the plan" };
        var council = CliOptions.Council(required: false);
        var year = CliOptions.Year(required: true, "The plan's year: fills in deadlines written without a year");
        var dryRun = new Option<bool>("--dry-run") { Description = "Only read the file and show how it was understood; needs no council and writes nothing" };
        var json = CliOptions.Json();
        var columns = ColumnsOption.Create();
        var import = new Command("import", "Import a plan file for a council (re-importing the same file changes nothing)")
        {
            file, council, year, dryRun, json, columns,
        };
        import.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var slug = parse.GetValue(council);
            var isDryRun = parse.GetValue(dryRun);
            if (!isDryRun && slug is null)
            {
                await context.Error.WriteLineAsync(PlanCliTexts.CouncilRequired);
                return NokoBotCli.BadUsage;
            }

            PlanFile plan;
            try
            {
                var given = parse.GetValue(columns) is { } text && ColumnsOption.TryParse(text, out var parsed, out _) ? parsed : null;
                plan = PlanFileReader.Read(parse.GetValue(file)!, parse.GetValue(year), columns: given);
            }
            catch (PlanFormatException e)
            {
                return await context.RefuseAsync(e.Message);
            }
            var rows = plan.Import.Items.Select(i => new PlanReportRow(i.Number, i.Section, i.Title, i.Responsible, i.Deadline, i.Result)).ToList();

            if (isDryRun)
            {
                if (parse.GetValue(json))
                {
                    await context.Out.WriteLineAsync(PlanReport.ToJson(rows, plan.Import.Warnings, w => WriteLayout(w, plan.Import)));
                    return NokoBotCli.Ok;
                }
                PlanReport.WriteTable(context.Console, rows);
                var parties = rows.SelectMany(r => r.Responsible).Distinct(StringComparer.Ordinal).ToList();
                PlanReport.WriteSummary(context.Console, rows, parties, plan.Import.Warnings);
                if (plan.Import.Layout is { } layout) PlanReport.WriteLayout(context.Console, layout);
                context.Console.WriteLine(PlanCliTexts.DryRun);
                return NokoBotCli.Ok;
            }

            await context.OpenDatabaseAsync(ct);
            var target = await context.Get<CouncilStore>().FindAsync(slug!, ct);
            if (target is null)
                return await context.RefuseAsync(PlanCliTexts.CouncilToAdd(slug!));
            var plans = context.Get<PlanStore>();
            var outcome = await plans.ImportAsync(target.Id, parse.GetValue(year), plan.FileName, plan.Sha256, plan.Import, ct);
            var stored = (await plans.FindAsync(target.Id, parse.GetValue(year), ct))!;

            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(PlanReport.ToJson(rows, plan.Import.Warnings, w =>
                {
                    WriteLayout(w, plan.Import);
                    w.WriteStartObject("stored");
                    w.WriteBoolean("unchanged", outcome.Unchanged);
                    w.WriteNumber("added", outcome.Added);
                    w.WriteNumber("updated", outcome.Updated);
                    w.WriteNumber("removed", outcome.Removed);
                    w.WriteEndObject();
                }));
                return NokoBotCli.Ok;
            }
            PlanReport.WriteTable(context.Console, rows);
            PlanReport.WriteSummary(context.Console, rows, stored.UnlinkedParties, plan.Import.Warnings);
            if (plan.Import.Layout is { } read) PlanReport.WriteLayout(context.Console, read);
            context.Console.WriteLine(outcome.Unchanged
                ? PlanCliTexts.Unchanged(plan.FileName, target.Name, stored.Year)
                : PlanCliTexts.Stored(stored.Year, target.Name, outcome.Added, outcome.Updated, outcome.Removed));
            return NokoBotCli.Ok;
        });
        return import;
    }

    private static void WriteLayout(System.Text.Json.Utf8JsonWriter json, PlanImport import)
    {
        if (import.Layout is { } layout) PlanLayoutJson.Write(json, layout);
    }

    private static Command BuildShow(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var year = CliOptions.Year(required: false, "Which year's plan (default: the latest)");
        var json = CliOptions.Json();
        var show = new Command("show", "Show a council's stored plan with how each deadline was understood") { council, year, json };
        show.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            var target = await context.Get<CouncilStore>().FindAsync(slug, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            int? planYear = parse.GetResult(year) is { Tokens.Count: > 0 } ? parse.GetValue(year) : null;
            var plan = await context.Get<PlanStore>().FindAsync(target.Id, planYear, ct);
            if (plan is null) return await context.RefuseAsync(PlanCliTexts.NoPlan(target.Name, planYear, slug));

            var rows = plan.Items.Select(i => new PlanReportRow(i.Number, i.Section, i.Title, i.Parties, i.Deadline, i.Result, i.DueOverride)).ToList();
            if (parse.GetValue(json))
            {
                var snapshot = await context.Get<CouncilSnapshotStore>().LoadAsync(target, ct);
                // The snapshot holds the latest plan; --year may ask for an earlier one.
                if (snapshot.Plan?.Id != plan.Id)
                    snapshot = snapshot with { Plan = plan, Replies = await context.Get<ReplyStore>().ForPlanAsync(plan.Id, ct) };
                var today = snapshot.Today(context.Time.GetUtcNow());
                rows = [.. rows.Zip(plan.Items, (row, item) => row with { State = PlanItemState.Of(snapshot, item, today) })];
                await context.Out.WriteLineAsync(PlanReport.ToJson(rows, [], w =>
                {
                    w.WriteString("council", target.Slug);
                    w.WriteNumber("year", plan.Year);
                    w.WriteStartArray("unlinkedParties");
                    foreach (var party in plan.UnlinkedParties) w.WriteStringValue(party);
                    w.WriteEndArray();
                }));
                return NokoBotCli.Ok;
            }
            context.Console.WriteLine(PlanCliTexts.Heading(target.Name, plan.Year, plan.SourceFile));
            PlanReport.WriteTable(context.Console, rows);
            PlanReport.WriteSummary(context.Console, rows, plan.UnlinkedParties, []);
            return NokoBotCli.Ok;
        });
        return show;
    }
}
