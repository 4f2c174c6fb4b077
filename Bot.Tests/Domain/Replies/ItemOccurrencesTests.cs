using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Replies;

namespace NokoBot.Tests.Domain.Replies;

public sealed class ItemOccurrencesTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private const string Council = "Общественный совет";
    private const string Committee = "Комитет по образованию";

    private static DateTimeOffset Msk(int month, int day) => new(2020, month, day, 12, 0, 0, TimeSpan.FromHours(3));

    private static ItemOccurrences Occurrences(string deadline, IReadOnlyList<string> parties, params Reply[] replies) =>
        ItemOccurrences.Of(RussianDeadlineParser.Parse(deadline, 2020), null, 2020, parties, replies, protocolCloses: false, Moscow)!;

    private static ItemProgress Progress(string deadline, DateOnly today, params Reply[] replies) =>
        ItemProgress.Of(Occurrences(deadline, [Council], replies), replies, today);

    [Fact]
    public void Each_window_of_a_series_is_an_occurrence_opening_the_day_after_the_one_before_fell_due()
    {
        var all = Occurrences("май и октябрь", [Council]).All;

        Assert.Equal(
            [new PlannedOccurrence(DateOnly.MinValue, new(2020, 5, 31), new(2020, 5, 1)), new PlannedOccurrence(new(2020, 6, 1), new(2020, 10, 31), new(2020, 10, 1))],
            all.Select(o => o.Planned));
    }

    [Fact]
    public void Done_closes_the_occurrence_owed_now_and_the_item_only_with_its_last()
    {
        var may = Progress("май и октябрь", new(2020, 5, 20), new Reply(1, ReplyKind.Done, Msk(5, 20), Council));
        var both = Progress("май и октябрь", new(2020, 10, 20),
            new Reply(1, ReplyKind.Done, Msk(5, 20), Council), new Reply(1, ReplyKind.Done, Msk(10, 20), Council));

        Assert.False(may.IsClosed);
        Assert.True(may.Waiting); // October opens on 1 June
        Assert.Equal(new DateOnly(2020, 10, 31), may.Occurrence!.Due);
        Assert.False(may.IsOpenFor(Council, new DateOnly(2020, 5, 31)));
        Assert.True(may.IsOpenFor(Council, new DateOnly(2020, 10, 31)));
        Assert.True(both.IsClosed);
        Assert.Equal(Msk(10, 20), both.ClosedAt);
    }

    [Fact]
    public void A_late_reply_counts_for_the_oldest_occurrence_still_open()
    {
        var progress = Progress("15.03, 15.06, 15.09", new(2020, 6, 20), new Reply(1, ReplyKind.Done, Msk(6, 20), Council));

        Assert.False(progress.IsOpenFor(Council, new DateOnly(2020, 3, 15)));
        Assert.True(progress.IsOpenFor(Council, new DateOnly(2020, 6, 15)));
        Assert.Equal(new DateOnly(2020, 6, 15), progress.Occurrence!.Due);
        Assert.False(progress.Waiting);
        Assert.True(progress.IsOpenFor(Council));
    }

    [Fact]
    public void A_reply_before_the_next_occurrence_opens_changes_nothing()
    {
        var replies = new[] { new Reply(1, ReplyKind.Done, Msk(5, 10), Council), new Reply(1, ReplyKind.Done, Msk(5, 11), Council) };

        var occurrences = Occurrences("май и октябрь", [Council], replies);

        Assert.Equal([true, false], occurrences.All.Select(o => occurrences.IsComplete(o)));
    }

    [Fact]
    public void A_postponement_moves_the_occurrence_owed_now_only()
    {
        var progress = Progress("ежемесячно до 5 числа", new(2020, 3, 3),
            new Reply(1, ReplyKind.Postponed, Msk(3, 2), NewDate: new DateOnly(2020, 3, 12), Comment: "ждём данные"));

        // January and February were never answered: the oldest open occurrence is January's.
        Assert.Equal(new DateOnly(2020, 1, 5), progress.Occurrence!.Planned.Due);
        Assert.Equal((new DateOnly(2020, 3, 12), new DateOnly(2020, 1, 5), "ждём данные"), (progress.PostponedTo!.Value, progress.PostponedFrom!.Value, progress.PostponeReason));
    }

    [Fact]
    public void Every_party_of_the_item_owes_each_occurrence()
    {
        var replies = new[] { new Reply(1, ReplyKind.Done, Msk(3, 20), Council) };
        var occurrences = Occurrences("ежеквартально", [Council, Committee], replies);
        var progress = ItemProgress.Of(occurrences, replies, new DateOnly(2020, 3, 25));

        Assert.False(progress.IsOpenFor(Council));
        Assert.True(progress.IsOpenFor(Committee));
        Assert.Equal(new DateOnly(2020, 3, 31), progress.Occurrence!.Due);
    }

    [Fact]
    public void An_item_due_once_or_with_a_date_the_secretary_set_has_no_occurrences()
    {
        Assert.Null(ItemOccurrences.Of(RussianDeadlineParser.Parse("июнь", 2020), null, 2020, [Council], [], false, Moscow));
        Assert.Null(ItemOccurrences.Of(RussianDeadlineParser.Parse("ежеквартально", 2020), new DateOnly(2020, 9, 1), 2020, [Council], [], false, Moscow));
    }
}
