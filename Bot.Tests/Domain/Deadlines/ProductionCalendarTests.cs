using NokoBot.Domain.Deadlines;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Domain.Deadlines;

public sealed class ProductionCalendarTests
{
    private static readonly ProductionCalendar Russia = CalendarFile.Load(RepoPaths.Of("config", "calendar", "ru.txt"));

    [Theory]
    [InlineData("2020-12-25", 10, "2021-01-18")] // across the New Year holidays (1–10 Jan 2021)
    [InlineData("2020-12-30", 1, "2020-12-31")]
    [InlineData("2021-02-19", 1, "2021-02-20")] // a Saturday made a working day
    [InlineData("2020-06-11", 1, "2020-06-15")] // 12 June and the weekend
    [InlineData("2020-05-08", 1, "2020-05-12")] // 9 May on a Saturday moved the day off to Monday 11 May
    [InlineData("2021-01-11", -1, "2020-12-31")]
    public void Working_days_are_counted_over_holidays_and_moved_days(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Russia.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void The_calendar_covers_2020_to_2027_and_knows_new_year_and_victory_day()
    {
        Assert.True(Enumerable.Range(2020, 8).All(Russia.Years.Contains));
        for (var year = 2020; year <= 2027; year++)
        {
            Assert.False(Russia.IsWorkingDay(new DateOnly(year, 1, 2)));
            Assert.False(Russia.IsWorkingDay(new DateOnly(year, 5, 9)));
        }
        Assert.Equal(new DateOnly(2020, 6, 11), Russia.PreviousWorkingDay(new DateOnly(2020, 6, 14)));
        Assert.Equal(new DateOnly(2021, 1, 11), Russia.NextWorkingDay(new DateOnly(2021, 1, 1)));
    }

    [Theory]
    [InlineData("2020-13-01 holiday")]
    [InlineData("2020-01-01 vacation")]
    [InlineData("holiday")]
    public void A_malformed_line_is_refused_with_its_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => ProductionCalendar.Parse(["# comment", "2020-01-01 holiday", line]));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }
}
