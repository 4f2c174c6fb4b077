using System.CommandLine;
using System.Globalization;
using NokoBot.Desk;
using NokoBot.Domain.Plans;
using NokoBot.Storage;
using NokoBot.Texts;
using Spectre.Console;

namespace NokoBot.Cli;

/// <summary>
/// <c>nokobot plan rollover --council C --to Y [--keep 4,9] [--dry-run] [--json]</c>: next year's plan drafted from
/// this year's — the chat's <c>/rollover</c> on the server. Recurring and continuous items are carried over with their
/// dates moved to the new year; unfinished items are listed and stay only when <c>--keep</c> names them.
/// </summary>
internal static class PlanRolloverCommand
{
    public static Command Build(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var to = new Option<int>("--to") { Description = "The new plan's year (the stored plan of the year before is the source)", Required = true };
        to.Validators.Add(r =>
        {
            if (r.Tokens.Count == 0) return;
            var token = r.Tokens[^1].Value;
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < CliOptions.MinYear || year > CliOptions.MaxYear)
                r.AddError($"--to must be a year between {CliOptions.MinYear} and {CliOptions.MaxYear}, got '{token}'.");
        });
        var keep = new Option<string?>("--keep") { Description = "Unfinished items to keep in the new plan, by number: '4,9' (default: none)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show the draft; write nothing" };
        var json = CliOptions.Json();
        var command = new Command("rollover", "Draft next year's plan from this year's: recurring and continuous items carried over, unfinished ones listed")
        {
            council, to, keep, dryRun, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            var target = await context.Get<CouncilStore>().FindAsync(slug, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            var desk = context.Get<PlanDesk>();
            var (draft, refusal) = await desk.RolloverAsync(target, null, parse.GetValue(to), ct);
            if (refusal is not null) return await context.RefuseAsync(Words(refusal));

            var kept = (parse.GetValue(keep) ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => n.TrimEnd('.')).ToHashSet(StringComparer.Ordinal);
            var strangers = kept.Where(n => !draft!.Optional.Contains(n, StringComparer.Ordinal)).ToList();
            if (strangers.Count > 0) return await context.RefuseAsync(DeskTexts.NotUnfinished(strangers, draft!.Optional));

            var chosen = PlanDesk.Chosen(draft!, kept);
            var rows = chosen.Items.Select(i => new PlanReportRow(i.Number, i.Section, i.Title, i.Responsible, i.Deadline, i.Result)).ToList();
            var unfinished = draft!.Import.Items.Where(i => draft.Optional.Contains(i.Number, StringComparer.Ordinal)).ToList();
            PlanImportOutcome? outcome = parse.GetValue(dryRun) ? null : await desk.ImportAsync(draft, kept, ct);

            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(PlanReport.ToJson(rows, chosen.Warnings, w =>
                {
                    w.WriteString("council", target.Slug);
                    w.WriteNumber("year", draft.Year);
                    w.WriteNumber("from", draft.Year - 1);
                    w.WriteStartArray("carried");
                    foreach (var item in draft.Import.Items.Where(i => !draft.Optional.Contains(i.Number, StringComparer.Ordinal))) w.WriteStringValue(item.Number);
                    w.WriteEndArray();
                    w.WriteStartArray("unfinished");
                    foreach (var item in unfinished)
                    {
                        w.WriteStartObject();
                        w.WriteString("number", item.Number);
                        w.WriteString("title", item.Title);
                        w.WriteBoolean("kept", kept.Contains(item.Number));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteBoolean("dryRun", outcome is null);
                    if (outcome is not null)
                    {
                        w.WriteStartObject("stored");
                        w.WriteNumber("added", outcome.Added);
                        w.WriteNumber("updated", outcome.Updated);
                        w.WriteNumber("removed", outcome.Removed);
                        w.WriteEndObject();
                    }
                }));
                return NokoBotCli.Ok;
            }
            context.Console.WriteLine(DeskTexts.RolloverHeading(draft.Year, target.Name));
            PlanReport.WriteTable(context.Console, rows);
            PlanReport.WriteSummary(context.Console, rows, [], chosen.Warnings);
            foreach (var item in unfinished) context.Console.WriteLine(DeskTexts.UnfinishedLine(item.Number, item.Title, kept.Contains(item.Number)));
            context.Console.WriteLine(outcome is null ? DeskTexts.RolloverDryRun(draft.Year) : DeskTexts.RolloverStored(draft.Year, outcome.Added, draft.Year - 1));
            return NokoBotCli.Ok;
        });
        return command;
    }

    private static string Words(DeskRefusal refusal) => refusal switch
    {
        DeskRefusal.YearNotInCalendar y => DeskTexts.CalendarMissesYear(y.Year, y.Known),
        DeskRefusal.NoPlanToRoll r => DeskTexts.NoPlanToRoll(r.Year),
        DeskRefusal.YearExists e => DeskTexts.YearExistsOnServer(e.Year),
        _ => refusal.GetType().Name,
    };
}
