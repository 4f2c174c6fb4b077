using System.Text.Json;
using NokoBot.Domain.Plans;

namespace NokoBot.Storage;

/// <summary>A draft's items as JSON in plan_drafts.items: each row with its deadline in the plan_items column shape.</summary>
internal static class PlanItemsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record Row(string Number, string? Section, string Title, string[] Responsible, string DeadlineText, DeadlineColumns Deadline, string Result);

    public static string Write(IEnumerable<PlanItem> items) => JsonSerializer.Serialize(
        items.Select(i => new Row(i.Number, i.Section, i.Title, [.. i.Responsible], i.DeadlineText, DeadlineColumns.From(i.Deadline), i.Result)), Options);

    public static IReadOnlyList<PlanItem> Read(string json) =>
        [.. (JsonSerializer.Deserialize<Row[]>(json, Options) ?? []).Select(r => new PlanItem(r.Number, r.Section, r.Title, r.Responsible, r.DeadlineText, r.Deadline.ToDeadline(), r.Result))];

    public static string WriteStrings(IEnumerable<string> values) => JsonSerializer.Serialize(values, Options);

    public static string? WriteLayout(PlanLayout? layout) => layout is null ? null : JsonSerializer.Serialize(layout, Options);

    public static PlanLayout? ReadLayout(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<PlanLayout>(json, Options);

    public static string[] ReadStrings(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json, Options) ?? [];
}
