using NokoBot.Domain.Replies;

namespace NokoBot.Tests.Domain.Replies;

public sealed class ItemProgressTests
{
    private static readonly DateTimeOffset T0 = new(2020, 3, 1, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly string[] TwoParties = ["Комитет по образованию", "Общественный совет"];

    [Fact]
    public void An_item_of_two_parties_stays_open_until_both_report_done()
    {
        var first = ItemProgress.Of(TwoParties, [new Reply(1, ReplyKind.Done, T0, Party: "Общественный совет")], "План работы");
        var both = ItemProgress.Of(TwoParties,
        [
            new Reply(1, ReplyKind.Done, T0, Party: "Общественный совет"),
            new Reply(1, ReplyKind.Done, T0.AddDays(2), Party: "Комитет по образованию"),
        ], "План работы");

        Assert.False(first.IsClosed);
        Assert.False(first.IsOpenFor("Общественный совет"));
        Assert.True(first.IsOpenFor("Комитет по образованию"));
        Assert.True(both.IsClosed);
        Assert.Equal(T0.AddDays(2), both.ClosedAt);
    }

    [Fact]
    public void The_secretary_closing_an_item_closes_it_for_every_party()
    {
        var progress = ItemProgress.Of(TwoParties, [new Reply(1, ReplyKind.Closed, T0)], "План работы");

        Assert.True(progress.IsClosed);
        Assert.False(progress.IsOpenFor("Комитет по образованию"));
    }

    [Fact]
    public void The_latest_postponement_wins_and_remembers_the_previous_date()
    {
        var progress = ItemProgress.Of(TwoParties,
        [
            new Reply(1, ReplyKind.Postponed, T0, NewDate: new DateOnly(2020, 7, 15), Comment: "ждём оператора"),
            new Reply(1, ReplyKind.Postponed, T0.AddDays(1), NewDate: new DateOnly(2020, 8, 1), Comment: "торги"),
        ], "План работы");

        Assert.Equal(new DateOnly(2020, 8, 1), progress.PostponedTo);
        Assert.Equal(new DateOnly(2020, 7, 15), progress.PostponedFrom);
        Assert.Equal("торги", progress.PostponeReason);
        Assert.False(progress.IsClosed);
    }

    [Theory]
    [InlineData("протокол заседания Общественного совета", true)]
    [InlineData("Протоколы", true)]
    [InlineData("техническое задание для организации-оператора", false)]
    public void A_protocol_closes_an_item_only_when_its_planned_result_is_a_protocol(string result, bool closes)
    {
        var file = new ProtocolFile("протокол.pdf", 1024, "ab", "data/protocols/ab.pdf");
        var progress = ItemProgress.Of(TwoParties, [new Reply(1, ReplyKind.Protocol, T0, File: file)], result);

        Assert.Equal(closes, progress.IsClosed);
        Assert.Equal(file, progress.Protocol);
    }
}
