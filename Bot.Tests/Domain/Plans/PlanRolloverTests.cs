using System.Globalization;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Domain.Plans;

/// <summary>Next year's draft: what is carried, what is offered, and where the deadlines land in the new year.</summary>
public sealed class PlanRolloverTests
{
    private static readonly ProductionCalendar Russia = CalendarFile.Load(RepoPaths.Of("config", "calendar", "ru.txt"));

    private static PlanItem Item(string number, string deadline) =>
        new(number, null, "Пункт " + number, ["Общественный совет"], deadline, RussianDeadlineParser.Parse(deadline, 2020), "протокол");

    [Theory]
    [InlineData("июнь", "window 2021-06-01 2021-06-30")]
    [InlineData("до 1 мая 2020 года", "date 2021-04-30")]        // 1 May 2021 is a holiday: the working day before
    [InlineData("I квартал 2020 г.", "window 2021-01-01 2021-03-31")]
    [InlineData("ежеквартально", "recurring")]
    [InlineData("постоянно", "continuous")]
    [InlineData("2019-2020 учебный год", "window 2020-09-01 2021-08-31")] // the academic year moves with it
    [InlineData("в 2015 году", "window 2015-01-01 2015-12-31")]   // a year far from the plan's stays as written
    public void A_deadline_is_read_again_for_the_new_year(string text, string expected)
    {
        var moved = PlanRollover.Move(Item("1", text), 2020, 2021, Russia);

        var actual = moved.Deadline switch
        {
            WindowDeadline w => $"window {w.Start:yyyy-MM-dd} {w.End:yyyy-MM-dd}",
            DateDeadline d => $"date {d.Date:yyyy-MM-dd}",
            _ => DeadlineNames.Of(moved.Deadline.Kind),
        };
        Assert.Equal(expected, string.Create(CultureInfo.InvariantCulture, $"{actual}"));
    }

    [Fact]
    public void Recurring_and_continuous_items_are_carried_unfinished_ones_offered_finished_ones_left_behind()
    {
        var draft = PlanRollover.Draft(
        [
            new EndingItem(Item("1", "январь - март"), Closed: true),
            new EndingItem(Item("2", "июнь"), Closed: false),
            new EndingItem(Item("3", "ежеквартально"), Closed: true),
            new EndingItem(Item("4", "постоянно"), Closed: false),
        ], 2020, 2021, Russia);

        Assert.Equal(["3", "4"], draft.Carried.Select(i => i.Number));
        Assert.Equal(["2"], draft.Unfinished.Select(i => i.Number));
        Assert.Equal(["3", "4"], draft.With(new HashSet<string>(), ["1", "2", "3", "4"]).Items.Select(i => i.Number));
        Assert.Equal(["2", "3", "4"], draft.With(new HashSet<string> { "2" }, ["1", "2", "3", "4"]).Items.Select(i => i.Number));
    }
}
