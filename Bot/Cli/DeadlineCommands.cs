using System.CommandLine;
using System.Text.Json;
using NokoBot.Domain.Deadlines;
using NokoBot.Texts;

namespace NokoBot.Cli;

internal static class DeadlineCommands
{
    public static Command Build(CliContextFactory contexts)
    {
        var text = new Argument<string>("text") { Description = "The deadline text as written in the plan (quote it)" };
        var year = CliOptions.Year(required: false, "Plan year that fills in a missing year (default: this year)");
        var json = CliOptions.Json();
        var parseCommand = new Command("parse", "Show how NokoBot understands a deadline text") { text, year, json };
        parseCommand.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var planYear = parse.GetResult(year) is { Tokens.Count: > 0 } ? parse.GetValue(year) : context.Time.GetUtcNow().Year;
            var deadline = RussianDeadlineParser.Parse(parse.GetValue(text), planYear);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(ToJson(deadline));
                return NokoBotCli.Ok;
            }
            await context.Out.WriteLineAsync(DeadlineCliTexts.Text(deadline.Text));
            await context.Out.WriteLineAsync(DeadlineCliTexts.Kind(deadline.Kind, DeadlineNames.Of(deadline.Kind)));
            await context.Out.WriteLineAsync(DeadlineCliTexts.Understood(deadline));
            if (DeadlineTexts.Attention(deadline) is { } attention)
                await context.Out.WriteLineAsync(DeadlineCliTexts.Attention(attention));
            return NokoBotCli.Ok;
        });
        return new Command("deadline", "Work with deadline texts") { parseCommand };
    }

    public static string ToJson(Deadline deadline)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("text", deadline.Text);
            DeadlineJson.WriteFields(json, deadline);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
