using NokoBot.Domain.Meetings;

namespace NokoBot.Tests.Domain.Meetings;

public sealed class AgendaBuilderTests
{
    private static readonly DateOnly Meeting = new(2020, 6, 15);

    [Theory]
    [InlineData("2020-06-29", false, null, AgendaReason.DueAround)]   // due 14 days after
    [InlineData("2020-06-01", false, null, AgendaReason.DueAround)]   // due 14 days before
    [InlineData("2020-05-20", false, null, AgendaReason.Overdue)]
    [InlineData("2020-08-31", false, "2020-06-01", AgendaReason.DueAround)] // «июнь – август» runs through the meeting
    [InlineData("2020-12-31", false, "2020-01-01", null)]             // a year-long window is not news
    [InlineData("2020-05-20", true, null, null)]                       // closed items never come back
    [InlineData("2020-09-30", false, null, null)]
    public void Items_are_proposed_by_their_dates(string due, bool closed, string? windowStart, AgendaReason? expected)
    {
        var item = new AgendaCandidate("4", "Разработка ТЗ", "техническое задание", DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), closed, false,
            windowStart is null ? null : DateOnly.Parse(windowStart, System.Globalization.CultureInfo.InvariantCulture));

        var agenda = AgendaBuilder.Propose(Meeting, [item], [], [], []);

        Assert.Equal(expected, agenda.SingleOrDefault()?.Reason);
    }

    [Fact]
    public void Protocol_items_and_items_the_meeting_dates_are_proposed_and_the_secretary_has_the_last_word()
    {
        AgendaCandidate[] items =
        [
            new("8", "Обсуждение результатов НОКО", "протокол заседания", null, false, false),
            new("9", "Размещение информации", "открытость", null, false, true),
            new("12", "Контроль реализации", "мероприятия", null, false, false),
        ];

        var agenda = AgendaBuilder.Propose(Meeting, items, added: ["12"], dropped: ["9"], topics: ["Разное"]);

        Assert.Equal(
            [("8", AgendaReason.AwaitsProtocol), ("12", AgendaReason.AddedBySecretary), (null, null)],
            agenda.Select(l => (l.ItemNumber, l.Reason)));
        Assert.Equal("Разное", agenda[^1].Text);
    }
}
