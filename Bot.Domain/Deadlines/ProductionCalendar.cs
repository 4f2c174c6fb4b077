// TEMP STUB (untracked) until the parser branch merges.
#pragma warning disable CA1822
namespace NokoBot.Domain.Deadlines;
public sealed class ProductionCalendar
{
    public static ProductionCalendar WeekendsOnly { get; } = new();
    public static ProductionCalendar Parse(IEnumerable<string> lines) => new();
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    public DateOnly AddWorkingDays(DateOnly start, int days) { var d = start; while (days > 0) { d = d.AddDays(1); if (IsWorkingDay(d)) days--; } return d; }
    public DateOnly PreviousWorkingDay(DateOnly day) { while (!IsWorkingDay(day)) day = day.AddDays(-1); return day; }
}
