using System.CommandLine;
using System.Globalization;
using NokoBot.Domain.Plans;
using NokoBot.Texts;

namespace NokoBot.Cli;

/// <summary>
/// <c>--columns action=2,deadline=1,responsible=3</c>: where a plan's columns are, counted from 1 as the secretary sees
/// them, when the importer took one wrong; 0 says the plan has no such column. Roles not named are found as usual.
/// </summary>
internal static class ColumnsOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--columns")
        {
            Description = "Where the plan's columns are, counted from 1, when the importer takes one wrong: "
                + "action=2,deadline=1,responsible=3 (number, action, responsible, deadline, result; 0 = the plan has none)",
        };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !TryParse(r.Tokens[^1].Value, out _, out var error)) r.AddError(error);
        });
        return option;
    }

    /// <summary>The columns by role, or why the text is not a list of them (Russian).</summary>
    public static bool TryParse(string text, out Dictionary<PlanColumn, int> columns, out string error)
    {
        columns = [];
        error = "";
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
                return Refuse(PlanCliTexts.ColumnsShape, out error);
            if (!PlanColumnNames.TryParse(parts[0], out var role))
                return Refuse(PlanCliTexts.ColumnsUnknownRole(parts[0], PlanColumnNames.All.Select(PlanColumnNames.Of)), out error);
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var column) || column > 63)
                return Refuse(PlanCliTexts.ColumnsBadNumber(parts[0], parts[1]), out error);
            if (columns.ContainsKey(role))
                return Refuse(PlanCliTexts.ColumnsRoleTwice(PlanColumnNames.Of(role)), out error);
            if (column > 0 && columns.FirstOrDefault(c => c.Value == column) is { Value: > 0 } same)
                return Refuse(PlanCliTexts.ColumnsSameColumn(column, PlanColumnNames.Of(same.Key), PlanColumnNames.Of(role)), out error);
            if (role == PlanColumn.Action && column == 0)
                return Refuse(PlanCliTexts.ColumnsNoAction, out error);
            columns[role] = column;
        }
        return columns.Count > 0 || Refuse(PlanCliTexts.ColumnsShape, out error);
    }

    private static bool Refuse(string message, out string error)
    {
        error = message;
        return false;
    }
}
