using System.Globalization;
using System.Text.RegularExpressions;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Plans;

/// <summary>An item of the ending plan and whether it was finished.</summary>
public sealed record EndingItem(PlanItem Item, bool Closed);

/// <summary>
/// Next year's draft: the recurring and continuous items carried over, and the one-off items left unfinished, which
/// the secretary keeps or drops (each with its deadline already moved to the new year).
/// </summary>
public sealed record RolloverDraft(int Year, IReadOnlyList<PlanItem> Carried, IReadOnlyList<PlanItem> Unfinished)
{
    /// <summary>The plan as it will be imported: every item in the old plan's order, unfinished ones only when kept.</summary>
    public PlanImport With(IReadOnlySet<string> kept, IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(order);
        var chosen = Carried.Concat(Unfinished.Where(i => kept.Contains(i.Number))).ToDictionary(i => i.Number, StringComparer.Ordinal);
        return new PlanImport([.. order.Where(chosen.ContainsKey).Select(n => chosen[n])], []);
    }
}

/// <summary>
/// Drafts next year's plan from this year's (the yearly cycle: adopt, run, report, adopt the next). Deadlines are
/// read again for the new year, a year written in the text moved with it, and an exact date that falls on a day off
/// in the new year moved to the working day before it, as the production calendar says.
/// </summary>
public static partial class PlanRollover
{
    public static RolloverDraft Draft(IReadOnlyList<EndingItem> items, int fromYear, int toYear, ProductionCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(calendar);
        var carried = new List<PlanItem>();
        var unfinished = new List<PlanItem>();
        foreach (var (item, closed) in items.Select(e => (e.Item, e.Closed)))
        {
            if (item.Deadline.Kind is DeadlineKind.Recurring or DeadlineKind.Continuous) carried.Add(Move(item, fromYear, toYear, calendar));
            else if (!closed) unfinished.Add(Move(item, fromYear, toYear, calendar));
        }
        return new RolloverDraft(toYear, carried, unfinished);
    }

    /// <summary>The item with its deadline read for <paramref name="toYear"/>.</summary>
    public static PlanItem Move(PlanItem item, int fromYear, int toYear, ProductionCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(calendar);
        var shift = toYear - fromYear;
        var text = Year().Replace(item.DeadlineText, m =>
        {
            var year = int.Parse(m.Value, CultureInfo.InvariantCulture);
            return year >= fromYear - 1 && year <= fromYear + 1 ? (year + shift).ToString(CultureInfo.InvariantCulture) : m.Value;
        });
        var deadline = RussianDeadlineParser.Parse(text, toYear);
        if (deadline is DateDeadline date) deadline = date with { Date = calendar.PreviousWorkingDay(date.Date) };
        return item with { DeadlineText = text, Deadline = deadline };
    }

    [GeneratedRegex(@"(?<!\d)(19|20|21)\d{2}(?!\d)")]
    private static partial Regex Year();
}
