using System.Globalization;

namespace NokoBot.Domain.Deadlines;

/// <summary>
/// Russia's working days: Monday to Friday, less public holidays and the days off the Government moves each year,
/// plus the Saturdays it makes working days. Built from a data file (<c>config/calendar/ru.txt</c>) so a new
/// year's decree is a few lines of data, not code.
/// </summary>
public sealed class ProductionCalendar
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _workingWeekends;

    private ProductionCalendar(HashSet<DateOnly> daysOff, HashSet<DateOnly> workingWeekends)
    {
        _daysOff = daysOff;
        _workingWeekends = workingWeekends;
    }

    /// <summary>Saturdays and Sundays only: for tests and for councils outside Russia's calendar.</summary>
    public static ProductionCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>The years the data covers (those with at least one line).</summary>
    public IReadOnlySet<int> Years => _daysOff.Concat(_workingWeekends).Select(d => d.Year).ToHashSet();

    /// <summary>
    /// Lines <c>yyyy-MM-dd holiday|workday [comment]</c>; <c>#</c> starts a comment. A malformed line is an error
    /// naming it: a wrong calendar would silently move reminders.
    /// </summary>
    public static ProductionCalendar Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var daysOff = new HashSet<DateOnly>();
        var working = new HashSet<DateOnly>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new FormatException($"Production calendar line {number}: expected 'yyyy-MM-dd holiday|workday', got '{raw}'.");
            switch (parts[1])
            {
                case "holiday": daysOff.Add(day); break;
                case "workday": working.Add(day); break;
                default: throw new FormatException($"Production calendar line {number}: '{parts[1]}' is neither 'holiday' nor 'workday'.");
            }
        }
        return new ProductionCalendar(daysOff, working);
    }

    public bool IsWorkingDay(DateOnly day) =>
        _workingWeekends.Contains(day) || (!_daysOff.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (before it when negative).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = Math.Sign(days);
        var day = start;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>The day itself when it is a working day, else the last working day before it.</summary>
    public DateOnly PreviousWorkingDay(DateOnly day) => IsWorkingDay(day) ? day : AddWorkingDays(day, -1);

    /// <summary>The day itself when it is a working day, else the first working day after it.</summary>
    public DateOnly NextWorkingDay(DateOnly day) => IsWorkingDay(day) ? day : AddWorkingDays(day, 1);
}
