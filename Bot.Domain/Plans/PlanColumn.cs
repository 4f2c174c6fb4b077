namespace NokoBot.Domain.Plans;

/// <summary>What a column of a plan's table holds.</summary>
public enum PlanColumn { Number, Action, Responsible, Deadline, Result }

/// <summary>The contract spellings of the columns (CLI JSON, <c>--columns</c>).</summary>
public static class PlanColumnNames
{
    public static IReadOnlyList<PlanColumn> All { get; } = Enum.GetValues<PlanColumn>();

    public static string Of(PlanColumn column) => column switch
    {
        PlanColumn.Number => "number",
        PlanColumn.Action => "action",
        PlanColumn.Responsible => "responsible",
        PlanColumn.Deadline => "deadline",
        _ => "result",
    };

    public static bool TryParse(string name, out PlanColumn column)
    {
        foreach (var candidate in All)
        {
            if (!string.Equals(Of(candidate), name.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            column = candidate;
            return true;
        }
        column = default;
        return false;
    }
}
