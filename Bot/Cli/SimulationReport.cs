using System.Globalization;
using System.Text;
using System.Text.Json;
using NokoBot.Simulation;
using NokoBot.Texts;
using Spectre.Console;

namespace NokoBot.Cli;

/// <summary>The end of a simulation: a table per month and per item, or the JSON contract.</summary>
internal static class SimulationReport
{
    private static readonly string[] ReminderKinds = ["before", "due", "overdue", "checkin", "ask-date", "plan-over", "rollover-offer"];

    public static void WriteTables(IAnsiConsole console, SimulationResult result)
    {
        var byMonth = new Table().Title($"{Markup.Escape(result.Council.Name)}: {result.From:dd.MM.yyyy} – {result.To:dd.MM.yyyy}")
            .AddColumns(SimulationTexts.MonthColumn, SimulationTexts.MessagesColumn, SimulationTexts.RemindersColumn, SimulationTexts.EscalationsColumn,
                SimulationTexts.DigestsColumn, SimulationTexts.AgendasColumn);
        foreach (var month in Months(result))
        {
            var rows = result.Deliveries.Where(d => d.At.Year == month.Year && d.At.Month == month.Month).ToList();
            byMonth.AddRow(
                month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("ru-RU")),
                rows.Select(r => r.Message).Distinct().Count().ToString(CultureInfo.InvariantCulture),
                Count(rows, ReminderKinds), Count(rows, ["escalation"]), Count(rows, ["digest"]), Count(rows, ["agenda"]));
        }
        console.Write(byMonth);

        var byItem = new Table().AddColumns(SimulationTexts.ItemColumn, SimulationTexts.WhenRemindedColumn);
        foreach (var item in result.Deliveries.Where(d => d.Item is not null).GroupBy(d => d.Item!).OrderBy(g => ItemOrder(g.Key)))
        {
            var days = item.GroupBy(d => DateOnly.FromDateTime(d.At.DateTime))
                .Select(g => $"{g.Key:dd.MM}: {string.Join("/", g.Select(d => d.Kind).Distinct())}");
            byItem.AddRow(Markup.Escape(item.Key), Markup.Escape(string.Join(", ", days)));
        }
        console.Write(byItem);
        console.WriteLine(SimulationTexts.Total(result.Messages, result.Deliveries.Count, result.TranscriptPath, result.MailFolder));
        foreach (var warning in result.Warnings) console.WriteLine(CliTexts.Warning(warning));
    }

    public static string ToJson(SimulationResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("deliveries");
            foreach (var d in result.Deliveries)
            {
                json.WriteStartObject();
                json.WriteString("at", d.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                json.WriteString("kind", d.Kind);
                json.WriteString("item", d.Item);
                json.WriteString("recipient", d.Recipient);
                json.WriteString("channel", d.Channel);
                json.WriteString("message", d.Message);
                if (d.Late) json.WriteBoolean("late", true);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("summary");
            json.WriteString("council", result.Council.Slug);
            json.WriteString("timeZone", result.Council.TimeZone);
            json.WriteString("from", result.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("to", result.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("total", result.Deliveries.Count);
            json.WriteNumber("messages", result.Messages);
            json.WriteStartObject("byKind");
            foreach (var kind in result.Deliveries.GroupBy(d => d.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                json.WriteNumber(kind.Key, kind.Count());
            json.WriteEndObject();
            json.WriteStartArray("months");
            foreach (var month in Months(result))
            {
                var rows = result.Deliveries.Where(d => d.At.Year == month.Year && d.At.Month == month.Month).ToList();
                json.WriteStartObject();
                json.WriteString("month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                json.WriteNumber("messages", rows.Select(r => r.Message).Distinct().Count());
                json.WriteNumber("reminders", rows.Count(r => ReminderKinds.Contains(r.Kind)));
                json.WriteNumber("escalations", rows.Count(r => r.Kind == "escalation"));
                json.WriteNumber("digests", rows.Count(r => r.Kind == "digest"));
                json.WriteNumber("agendas", rows.Count(r => r.Kind == "agenda"));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings) json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IEnumerable<DateOnly> Months(SimulationResult result)
    {
        for (var m = new DateOnly(result.From.Year, result.From.Month, 1); m <= result.To; m = m.AddMonths(1)) yield return m;
    }

    private static string Count(List<SimulatedDelivery> rows, string[] kinds) =>
        rows.Count(r => kinds.Contains(r.Kind)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Items in plan order: «2» before «10», «2.1» after «2».</summary>
    private static string ItemOrder(string number) =>
        string.Join('.', number.Split('.').Select(p => p.PadLeft(6, '0')));
}
