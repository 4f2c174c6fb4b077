using System.CommandLine;
using NokoBot.Reports;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Cli;

/// <summary><c>nokobot report --council C --year Y --format docx|html --out FILE</c>: the year-end report.</summary>
internal static class ReportCommand
{
    public static Command Build(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var year = CliOptions.Year(required: true, "The plan's year");
        var format = new Option<string>("--format") { Description = "docx (a Word document) or html (a printable page)", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("--out", "-o") { Description = "The file to write", Required = true };
        var command = new Command("report", "Write the year-end report of a council's plan: summary, every item with its history, meetings")
        {
            council, year, format, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var kind = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (kind is not ("docx" or "html")) return await context.RefuseAsync(ReportTexts.BadFormat(kind));
            await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            var target = await context.Get<CouncilStore>().FindAsync(slug, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            var report = await context.Get<ReportService>().BuildAsync(target, parse.GetValue(year), ct);
            if (report is null) return await context.RefuseAsync(ReportTexts.NoPlanForYear(parse.GetValue(year)));
            var path = parse.GetValue(output)!;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
            if (kind == "docx")
            {
                await using var file = File.Create(path);
                DocxReportWriter.Write(report, file);
            }
            else
            {
                await File.WriteAllTextAsync(path, HtmlReportWriter.Write(report), ct);
            }
            await context.Out.WriteLineAsync(ReportTexts.Written(path, report.Items.Count));
            return NokoBotCli.Ok;
        });
        return command;
    }
}
