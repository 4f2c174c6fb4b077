namespace NokoBot.Domain.Plans;

/// <summary>What of an item a new file changes.</summary>
public enum PlanField { Section, Title, Responsible, Deadline, Result }

/// <summary>An item in both plans whose row differs: which fields, and the item as the new file has it.</summary>
public sealed record PlanChange(PlanItem Before, PlanItem After, IReadOnlyList<PlanField> Fields);

/// <summary>
/// How a new file for a year differs from the plan stored for it: items are matched by number, as the import matches
/// them (a changed item keeps its replies; a removed one is marked removed, its replies kept).
/// </summary>
public sealed record PlanDiff(IReadOnlyList<PlanItem> Added, IReadOnlyList<PlanChange> Changed, IReadOnlyList<PlanItem> Removed, int Unchanged)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    public static PlanDiff Compare(IReadOnlyList<PlanItem> before, IReadOnlyList<PlanItem> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(i => i.Number, StringComparer.Ordinal);
        var added = new List<PlanItem>();
        var changed = new List<PlanChange>();
        var unchanged = 0;
        foreach (var item in after)
        {
            if (!old.Remove(item.Number, out var was))
            {
                added.Add(item);
                continue;
            }
            var fields = Fields(was, item);
            if (fields.Count == 0) unchanged++;
            else changed.Add(new PlanChange(was, item, fields));
        }
        var removed = before.Where(i => old.ContainsKey(i.Number)).ToList();
        return new PlanDiff(added, changed, removed, unchanged);
    }

    private static List<PlanField> Fields(PlanItem a, PlanItem b)
    {
        var fields = new List<PlanField>();
        if (!string.Equals(a.Section ?? "", b.Section ?? "", StringComparison.Ordinal)) fields.Add(PlanField.Section);
        if (!string.Equals(a.Title, b.Title, StringComparison.Ordinal)) fields.Add(PlanField.Title);
        if (!a.Responsible.SequenceEqual(b.Responsible, StringComparer.Ordinal)) fields.Add(PlanField.Responsible);
        if (!string.Equals(a.Deadline.Text, b.Deadline.Text, StringComparison.Ordinal) || a.Deadline != b.Deadline) fields.Add(PlanField.Deadline);
        if (!string.Equals(a.Result, b.Result, StringComparison.Ordinal)) fields.Add(PlanField.Result);
        return fields;
    }
}
