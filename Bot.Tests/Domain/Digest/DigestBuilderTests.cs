using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Digest;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Replies;

namespace NokoBot.Tests.Domain.Digest;

public sealed class DigestBuilderTests
{
    private static readonly DateOnly Today = new(2020, 6, 1);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private const string A = "Комитет по образованию";
    private const string B = "Общественный совет";

    private static DateTimeOffset Msk(int month, int day, int hour = 12) => new(2020, month, day, hour, 0, 0, TimeSpan.FromHours(3));

    private static DigestPlanItem Item(Deadline deadline, string result = "отчёт", params string[] parties) =>
        new(1, "4", "Разработка технического задания", parties.Length == 0 ? [A] : parties, deadline, result);

    private static readonly DateDeadline June10 = new("до 10 июня", new(2020, 6, 10));
    private static readonly DateDeadline May20 = new("до 20 мая", new(2020, 5, 20));

    /// <summary>(case, item, replies, events, expected sections: o overdue, s due soon, d done, p postponed, a awaiting protocol; "" = no digest).</summary>
    public static TheoryData<string, DigestPlanItem, Reply[], RecordedEvent[], string> Cases => new()
    {
        { "due in 9 days", Item(June10), [], [], "s" },
        { "due today", Item(new DateDeadline("1 июня", Today)), [], [], "s" },
        { "due in 14 days", Item(new DateDeadline("15 июня", Today.AddDays(14))), [], [], "s" },
        { "due in 15 days", Item(new DateDeadline("16 июня", Today.AddDays(15))), [], [], "" },
        { "due yesterday", Item(new DateDeadline("31 мая", Today.AddDays(-1))), [], [], "o" },
        { "overdue protocol item", Item(May20, "протокол заседания"), [], [], "oa" },
        { "done this week", Item(May20), [new(1, ReplyKind.Done, Msk(5, 27), A)], [], "d" },
        { "done 8 days ago", Item(May20), [new(1, ReplyKind.Done, Msk(5, 24), A)], [], "" },
        { "one of two parties done", Item(May20, "отчёт", A, B), [new(1, ReplyKind.Done, Msk(5, 27), A)], [], "o" },
        { "all parties done", Item(May20, "отчёт", A, B), [new(1, ReplyKind.Done, Msk(5, 18), A), new(1, ReplyKind.Done, Msk(5, 27), B)], [], "d" },
        { "closed by the secretary", Item(May20), [new(1, ReplyKind.Closed, Msk(5, 31, 23))], [], "d" },
        { "done late at night Moscow time is that day", Item(May20), [new(1, ReplyKind.Done, new DateTimeOffset(2020, 5, 25, 22, 30, 0, TimeSpan.Zero), A)], [], "d" },
        { "done, protocol missing", Item(May20, "протокол заседания"), [new(1, ReplyKind.Done, Msk(5, 10), A)], [], "a" },
        { "protocol attached", Item(May20, "протокол заседания"), [new(1, ReplyKind.Protocol, Msk(5, 10), A, File: new("п.pdf", 1, "x", "p"))], [], "" },
        { "postponed this week", Item(May20), [new(1, ReplyKind.Postponed, Msk(5, 29), A, NewDate: new(2020, 6, 30), Comment: "ждём")], [], "p" },
        { "postponed this week into the next 14 days", Item(May20), [new(1, ReplyKind.Postponed, Msk(5, 29), A, NewDate: new(2020, 6, 5))], [], "sp" },
        { "postponed long ago, now overdue again", Item(May20), [new(1, ReplyKind.Postponed, Msk(4, 1), A, NewDate: new(2020, 5, 25))], [], "o" },
        { "far window", Item(new WindowDeadline("сентябрь - декабрь", new(2020, 9, 1), new(2020, 12, 31))), [], [], "" },
        // Items due several times: the occurrence owed now, the oldest not yet done.
        { "series, first window missed", Item(RussianDeadlineParser.Parse("май и октябрь", 2020)), [], [], "o" },
        { "series, first window done, next far", Item(RussianDeadlineParser.Parse("май и октябрь", 2020)), [new(1, ReplyKind.Done, Msk(5, 20), A)], [], "" },
        { "series of dates, next in 9 days", Item(RussianDeadlineParser.Parse("01.05, 10.06", 2020)), [new(1, ReplyKind.Done, Msk(5, 2), A)], [], "s" },
        { "series, every window done", Item(RussianDeadlineParser.Parse("01.05, 28.05", 2020)), [new(1, ReplyKind.Done, Msk(5, 2), A), new(1, ReplyKind.Done, Msk(5, 27), A)], [], "d" },
        { "monthly by the 5th, May done", Item(RussianDeadlineParser.Parse("ежемесячно до 5 числа", 2020)),
            [.. Enumerable.Range(1, 5).Select(m => new Reply(1, ReplyKind.Done, Msk(m, 4), A))], [], "s" },
        { "monthly by the 5th, never answered", Item(RussianDeadlineParser.Parse("ежемесячно до 5 числа", 2020)), [], [], "o" },
        { "continuous", Item(new ContinuousDeadline("постоянно")), [], [], "" },
        { "unscheduled", Item(new UnscheduledDeadline("")), [], [], "" },
        { "relative, event not yet", Item(new RelativeDeadline("в течение 10 дней", 10, RelativeUnit.Days, "поступления информации о результатах НОКО")), [], [], "" },
        { "relative, event recorded", Item(new RelativeDeadline("в течение 10 дней", 10, RelativeUnit.Days, "поступления информации о результатах НОКО")), [],
            [new("поступление информации о результатах НОКО", new(2020, 5, 25))], "s" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_item_lands_in_the_right_sections(string name, DigestPlanItem item, Reply[] replies, RecordedEvent[] events, string expected)
    {
        var digest = DigestBuilder.Build("Совет", [item], 2020, replies, events, Moscow, Today, ProductionCalendar.WeekendsOnly, null);

        var sections = digest is null ? "" : string.Concat(
            digest.Overdue.Count > 0 ? "o" : "", digest.DueSoon.Count > 0 ? "s" : "", digest.DoneThisWeek.Count > 0 ? "d" : "",
            digest.Postponed.Count > 0 ? "p" : "", digest.AwaitingProtocol.Count > 0 ? "a" : "");
        Assert.True(expected == sections, $"{name}: expected '{expected}', got '{sections}'");
    }

    [Fact]
    public void An_item_due_several_times_shows_the_occurrence_owed_now()
    {
        var item = Item(RussianDeadlineParser.Parse("ежемесячно до 5 числа", 2020));
        Reply[] replies = [.. Enumerable.Range(1, 5).Select(m => new Reply(1, ReplyKind.Done, Msk(m, 4), A))];

        var digest = DigestBuilder.Build("Совет", [item], 2020, replies, [], Moscow, Today, ProductionCalendar.WeekendsOnly, null)!;

        Assert.Equal(new DateOnly(2020, 6, 5), Assert.Single(digest.DueSoon).Due);
    }

    [Fact]
    public void A_postponement_shows_old_and_new_dates_with_the_reason_and_totals_count_the_plan()
    {
        DigestPlanItem[] items = [Item(May20), Item(June10) with { Id = 2, Number = "5" }];
        Reply[] replies = [new(1, ReplyKind.Postponed, Msk(5, 29), A, NewDate: new(2020, 6, 30), Comment: "ждём оператора")];

        var digest = DigestBuilder.Build("Совет", items, 2020, replies, [], Moscow, Today, ProductionCalendar.WeekendsOnly, null)!;

        var p = Assert.Single(digest.Postponed);
        Assert.Equal((new DateOnly(2020, 5, 20), new DateOnly(2020, 6, 30), "ждём оператора"), (p.From!.Value, p.To, p.Reason));
        Assert.Equal(new DigestTotals(2, 0, 0, 1, 0, 1, 0), digest.Totals);
    }

    [Fact]
    public void The_next_meeting_comes_along_unless_cancelled_or_past()
    {
        var meeting = new Meeting(1, 1, new DateTime(2020, 6, 5, 15, 0, 0), TimeSpan.FromHours(2), "каб. 12", [new("Итоги", "4")]);
        DigestPlanItem[] items = [Item(June10)];

        Assert.Equal(meeting, DigestBuilder.Build("Совет", items, 2020, [], [], Moscow, Today, ProductionCalendar.WeekendsOnly, meeting)!.NextMeeting);
        Assert.Null(DigestBuilder.Build("Совет", items, 2020, [], [], Moscow, Today, ProductionCalendar.WeekendsOnly, meeting with { Cancelled = true })!.NextMeeting);
        Assert.Null(DigestBuilder.Build("Совет", items, 2020, [], [], Moscow, new DateOnly(2020, 6, 6), ProductionCalendar.WeekendsOnly, meeting)!.NextMeeting);
    }
}
