using System.Text.Json;
using NokoBot.Domain.Plans;
using NokoBot.Texts;

namespace NokoBot.Cli;

/// <summary>
/// How a plan's table was read, in the <c>plan import --json</c> contract:
/// <c>"columns": {"number": 1, "action": 2, "responsible": 4, "deadline": 3, "result": null}</c> (columns counted from 1,
/// null when the plan has none), <c>"columnReasons": {"action": {"by": "header"|"content"|"override", "reason": "…"}, …}</c>
/// for each column found, <c>"numbering": "column"|"action"|"order"</c> (a «№» column, the number opening the action
/// cell, none: numbered in order) and <c>"unusedColumns": [5]</c> (columns with text that were not read).
/// </summary>
internal static class PlanLayoutJson
{
    public static void Write(Utf8JsonWriter json, PlanLayout layout)
    {
        json.WriteStartObject("columns");
        foreach (var role in PlanColumnNames.All)
        {
            if (layout.Of(role) is { } choice) json.WriteNumber(PlanColumnNames.Of(role), choice.Column);
            else json.WriteNull(PlanColumnNames.Of(role));
        }
        json.WriteEndObject();
        json.WriteStartObject("columnReasons");
        foreach (var choice in layout.Columns)
        {
            json.WriteStartObject(PlanColumnNames.Of(choice.Role));
            json.WriteString("by", FoundBy(choice.FoundBy));
            json.WriteString("reason", PlanLayoutTexts.Reason(choice));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteString("numbering", layout.Numbering switch
        {
            ItemNumbering.Column => "column",
            ItemNumbering.ActionCell => "action",
            _ => "order",
        });
        json.WriteStartArray("unusedColumns");
        foreach (var column in layout.UnusedColumns) json.WriteNumberValue(column);
        json.WriteEndArray();
    }

    private static string FoundBy(ColumnFoundBy by) => by switch
    {
        ColumnFoundBy.Header => "header",
        ColumnFoundBy.Content => "content",
        _ => "override",
    };
}
