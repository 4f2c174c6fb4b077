using NokoBot.Domain.Deadlines;

namespace NokoBot.Tests.Domain.Deadlines;

public sealed class DueDatesTests
{
    private static readonly DateOnly Today = new(2020, 5, 20);
    private static readonly ProductionCalendar Calendar = ProductionCalendar.WeekendsOnly;

    [Fact]
    public void A_window_is_due_at_its_end_and_a_date_on_its_day()
    {
        Assert.Equal(new DateOnly(2020, 3, 31), DueDates.Current(new WindowDeadline("январь - март", new(2020, 1, 1), new(2020, 3, 31)), null, null, null, Calendar, Today));
        Assert.Equal(new DateOnly(2020, 10, 20), DueDates.Current(new DateDeadline("до 20 октября", new(2020, 10, 20)), null, null, null, Calendar, Today));
    }

    [Fact]
    public void A_postponement_wins_over_the_secretarys_date_which_wins_over_the_plan()
    {
        var deadline = new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30));

        Assert.Equal(new DateOnly(2020, 7, 15), DueDates.Current(deadline, new(2020, 7, 15), new(2020, 6, 10), null, Calendar, Today));
        Assert.Equal(new DateOnly(2020, 6, 10), DueDates.Current(deadline, null, new(2020, 6, 10), null, Calendar, Today));
    }

    [Theory]
    [InlineData(RecurrencePeriod.Quarter, null, false, "2020-05-20", "2020-06-30")]
    [InlineData(RecurrencePeriod.Quarter, 5, true, "2020-05-20", "2020-07-05")]
    [InlineData(RecurrencePeriod.Quarter, 5, true, "2020-04-03", "2020-04-05")]
    [InlineData(RecurrencePeriod.Quarter, 25, false, "2020-04-03", "2020-06-25")]
    [InlineData(RecurrencePeriod.Month, null, false, "2020-02-10", "2020-02-29")]
    [InlineData(RecurrencePeriod.Month, 5, false, "2020-02-10", "2020-03-05")]
    [InlineData(RecurrencePeriod.Month, 5, false, "2020-02-05", "2020-02-05")]
    [InlineData(RecurrencePeriod.Month, 31, false, "2020-02-10", "2020-02-29")]
    [InlineData(RecurrencePeriod.Month, 5, true, "2020-02-10", "2020-03-05")]
    [InlineData(RecurrencePeriod.HalfYear, null, false, "2020-07-01", "2020-12-31")]
    [InlineData(RecurrencePeriod.Year, null, false, "2020-05-20", "2020-12-31")]
    [InlineData(RecurrencePeriod.Week, null, false, "2020-05-20", "2020-05-24")]
    public void A_recurring_item_is_due_at_the_end_of_the_current_period_or_on_its_day_of_that_month_or_the_next(
        RecurrencePeriod every, int? day, bool following, string today, string expected)
    {
        var deadline = new RecurringDeadline("", every, day, following);
        var due = DueDates.Current(deadline, null, null, null, Calendar, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void A_relative_item_has_no_date_until_its_event_and_then_counts_from_it()
    {
        var tenDays = new RelativeDeadline("в течение 10 дней со дня поступления", 10, RelativeUnit.Days, "поступления информации о результатах НОКО");
        var threeWorking = new RelativeDeadline("в течение 3 рабочих дней", 3, RelativeUnit.WorkingDays, "рассмотрения");

        Assert.Null(DueDates.Current(tenDays, null, null, null, Calendar, Today));
        Assert.Equal(new DateOnly(2020, 9, 24), DueDates.Current(tenDays, null, null, new(2020, 9, 14), Calendar, Today));
        Assert.Equal(new DateOnly(2020, 9, 23), DueDates.Current(threeWorking, null, null, new(2020, 9, 18), Calendar, Today));
    }

    [Fact]
    public void Continuous_unscheduled_and_unknown_items_have_no_date_unless_the_secretary_sets_one()
    {
        Assert.Null(DueDates.Current(new ContinuousDeadline("постоянно"), null, null, null, Calendar, Today));
        Assert.Null(DueDates.Current(new UnscheduledDeadline(""), null, null, null, Calendar, Today));
        Assert.Equal(new DateOnly(2020, 9, 1), DueDates.Current(new UnknownDeadline("???"), null, new(2020, 9, 1), null, Calendar, Today));
    }
}
