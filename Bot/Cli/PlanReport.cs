using System.Text;
using System.Text.Json;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Storage;
using NokoBot.Texts;
using Spectre.Console;

namespace NokoBot.Cli;

/// <summary>One plan row as the CLI shows it, whether it came from a file or from the database.</summary>
/// <param name="State">Where a stored item stands (null for a file being imported).</param>
internal sealed record PlanReportRow(
    string Number, string? Section, string Title, IReadOnlyList<string> Responsible, Deadline Deadline, string Result, DateOnly? DueOverride = null,
    PlanItemState? State = null);

/// <summary>A stored item's standing: done or open, its current due date, and which of its parties still owe it.</summary>
internal sealed record PlanItemState(bool Done, DateOnly? Due, IReadOnlyList<(string Party, bool Done)> Parties)
{
    /// <param name="today">Council-local today (picks a recurring item's current occurrence).</param>
    public static PlanItemState Of(CouncilSnapshot snapshot, StoredPlanItem item, DateOnly today)
    {
        var progress = snapshot.Progress(item, today);
        return new PlanItemState(progress.IsClosed, snapshot.CurrentDue(item, today),
            [.. item.Parties.Select(party => (party, !progress.IsOpenFor(party)))]);
    }
}

/// <summary>Renders a plan for the secretary: a table with how each deadline was understood, or the JSON contract.</summary>
internal static class PlanReport
{
    public static void WriteTable(IAnsiConsole console, IReadOnlyList<PlanReportRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(PlanCliTexts.NumberColumn).AddColumn(PlanCliTexts.TitleColumn).AddColumn(PlanCliTexts.PartiesColumn)
            .AddColumn(PlanCliTexts.DeadlineTextColumn).AddColumn(PlanCliTexts.UnderstoodColumn).AddColumn(PlanCliTexts.AttentionColumn);
        string? section = null;
        foreach (var row in rows)
        {
            if (row.Section is not null && row.Section != section)
            {
                section = row.Section;
                table.AddRow(new Markup(""), new Markup($"[bold]{Markup.Escape(Shorten(section, 70))}[/]"));
            }
            var understood = row.DueOverride is { } due ? PlanCliTexts.DueSet(due) : DeadlineTexts.Describe(row.Deadline);
            var attention = row.DueOverride is null ? DeadlineTexts.Attention(row.Deadline) : null;
            table.AddRow(
                Markup.Escape(row.Number),
                Markup.Escape(Shorten(row.Title, 70)),
                Markup.Escape(string.Join("\n", row.Responsible)),
                Markup.Escape(row.Deadline.Text),
                Markup.Escape(understood),
                attention is null ? "" : $"[yellow]{Markup.Escape(attention)}[/]");
        }
        console.Write(table);
    }

    public static void WriteSummary(IAnsiConsole console, IReadOnlyList<PlanReportRow> rows, IReadOnlyList<string> unlinkedParties, IReadOnlyList<string> warnings)
    {
        var needDate = rows.Where(r => r.DueOverride is null && r.Deadline.Kind is DeadlineKind.Unscheduled or DeadlineKind.Unknown).Select(r => r.Number).ToList();
        var waiting = rows.Where(r => r.Deadline.Kind == DeadlineKind.Relative).Select(r => r.Number).ToList();
        console.WriteLine(PlanCliTexts.ItemCount(rows.Count));
        if (needDate.Count > 0) console.WriteLine(PlanCliTexts.NeedDate(needDate));
        if (waiting.Count > 0) console.WriteLine(PlanCliTexts.WaitingForEvent(waiting));
        if (unlinkedParties.Count > 0) console.WriteLine(PlanCliTexts.UnlinkedParties(unlinkedParties));
        foreach (var warning in warnings) console.WriteLine(CliTexts.Warning(warning));
    }

    /// <summary>How the file's table was read: each column's role and why, the columns not read, and how to correct a wrong guess.</summary>
    public static void WriteLayout(IAnsiConsole console, PlanLayout layout)
    {
        foreach (var line in PlanLayoutTexts.Summary(layout)) console.WriteLine(line);
        if (layout.Columns.Any(c => c.FoundBy == ColumnFoundBy.Content)) console.WriteLine(PlanCliTexts.ColumnsHint);
    }

    /// <summary>
    /// The JSON contract: <c>{"items":[…],"warnings":[…]}</c> plus any extra top-level fields (a file being imported adds how
    /// its table was read: <see cref="PlanLayoutJson"/>). A stored item also has
    /// <c>"status"</c> (<c>"open"</c>/<c>"done"</c>), <c>"due"</c> (<c>"yyyy-MM-dd"</c> or null) and
    /// <c>"parties":[{"name":…,"done":…}]</c>.
    /// </summary>
    public static string ToJson(IReadOnlyList<PlanReportRow> rows, IReadOnlyList<string> warnings, Action<Utf8JsonWriter>? extra = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("number", row.Number);
                json.WriteString("section", row.Section);
                json.WriteString("title", row.Title);
                json.WriteStartArray("responsible");
                foreach (var party in row.Responsible) json.WriteStringValue(party);
                json.WriteEndArray();
                json.WriteString("deadlineText", row.Deadline.Text);
                json.WriteStartObject("deadline");
                DeadlineJson.WriteFields(json, row.Deadline);
                json.WriteEndObject();
                json.WriteString("result", row.Result);
                if (row.State is { } state)
                {
                    json.WriteString("status", state.Done ? "done" : "open");
                    if (state.Due is { } due) json.WriteString("due", DeadlineColumns.Format(due));
                    else json.WriteNull("due");
                    json.WriteStartArray("parties");
                    foreach (var (party, done) in state.Parties)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", party);
                        json.WriteBoolean("done", done);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in warnings) json.WriteStringValue(warning);
            json.WriteEndArray();
            extra?.Invoke(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
