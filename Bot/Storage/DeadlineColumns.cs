using System.Globalization;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Storage;

/// <summary>A deadline flattened into the plan_items deadline_* columns, and back.</summary>
internal class DeadlineColumns
{
    public string Text { get; set; } = "";
    public string Kind { get; set; } = "unknown";
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Every { get; set; }
    public long? DueDay { get; set; }
    /// <summary>Flags are 0/1 integers on both providers (PostgreSQL would not take a boolean into a bigint column).</summary>
    public long Following { get; set; }
    public long AtLeast { get; set; }
    public string? Windows { get; set; }
    public long? Amount { get; set; }
    public string? Unit { get; set; }
    public string? Anchor { get; set; }

    public static DeadlineColumns From(Deadline deadline)
    {
        var columns = new DeadlineColumns { Text = deadline.Text, Kind = DeadlineNames.Of(deadline.Kind) };
        switch (deadline)
        {
            case WindowDeadline w:
                columns.Start = Format(w.Start);
                columns.End = Format(w.End);
                break;
            case DateDeadline d:
                columns.Start = Format(d.Date);
                break;
            case RecurringDeadline r:
                columns.Every = DeadlineNames.Of(r.Every);
                columns.DueDay = r.Day;
                columns.Following = r.Following ? 1 : 0;
                columns.AtLeast = r.AtLeast ? 1 : 0;
                break;
            case SeriesDeadline s:
                columns.Windows = string.Join(',', s.Windows.Select(w => $"{Format(w.Start)}/{Format(w.End)}"));
                break;
            case RelativeDeadline r:
                columns.Amount = r.Amount;
                columns.Unit = DeadlineNames.Of(r.Unit);
                columns.Anchor = r.Anchor;
                break;
        }
        return columns;
    }

    public Deadline ToDeadline() => Kind switch
    {
        "window" when Start is not null && End is not null => new WindowDeadline(Text, Parse(Start), Parse(End)),
        "date" when Start is not null => new DateDeadline(Text, Parse(Start)),
        "recurring" => new RecurringDeadline(Text, ParsePeriod(Every), DueDay is null ? null : (int)DueDay, Following != 0, AtLeast != 0),
        "series" when !string.IsNullOrEmpty(Windows) => new SeriesDeadline(Text, ParseWindows(Windows)),
        "continuous" => new ContinuousDeadline(Text),
        "relative" => new RelativeDeadline(Text, (int)(Amount ?? 0), ParseUnit(Unit), Anchor ?? ""),
        "unscheduled" => new UnscheduledDeadline(Text),
        _ => new UnknownDeadline(Text),
    };

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DeadlineWindow[] ParseWindows(string windows) =>
        [.. windows.Split(',').Select(w => w.Split('/')).Select(w => new DeadlineWindow(Parse(w[0]), Parse(w[1])))];

    private static RecurrencePeriod ParsePeriod(string? name) =>
        Enum.GetValues<RecurrencePeriod>().FirstOrDefault(p => DeadlineNames.Of(p) == name, RecurrencePeriod.Year);

    private static RelativeUnit ParseUnit(string? name) =>
        Enum.GetValues<RelativeUnit>().FirstOrDefault(u => DeadlineNames.Of(u) == name, RelativeUnit.Days);
}
