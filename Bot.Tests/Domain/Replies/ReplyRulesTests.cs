using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Replies;

namespace NokoBot.Tests.Domain.Replies;

public sealed class ReplyRulesTests
{
    private const string Council = "Общественный совет";
    private const string Committee = "Комитет по образованию";
    private static readonly DateTimeOffset Now = new(2020, 6, 23, 12, 0, 0, TimeSpan.FromHours(3));
    private static readonly DateOnly Today = new(2020, 6, 23);

    private static readonly Actor CouncilMember = new(1, MemberRole.Member, [Council]);
    private static readonly Actor Stranger = new(2, MemberRole.Member, ["руководители ОО"]);
    private static readonly Actor Secretary = new(3, MemberRole.Secretary, []);
    private static readonly Actor Chair = new(4, MemberRole.Chair, []);

    private static ItemState Item(params Reply[] replies) =>
        new(4, "4", [Council, Committee], "техническое задание", ItemProgress.Of([Council, Committee], replies, "техническое задание"));

    [Fact]
    public void A_member_reports_done_for_their_own_party_and_the_item_waits_for_the_other()
    {
        var decision = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.Done(CouncilMember, Item(), "готово", Now));

        var reply = Assert.IsType<ReplyEffect.Append>(Assert.Single(decision.Effects)).Reply;
        Assert.Equal((ReplyKind.Done, Council, 1L), (reply.Kind, reply.Party, reply.MemberId));
        Assert.Equal([Council], decision.Parties);
        Assert.False(decision.ClosesItem);
    }

    [Fact]
    public void The_last_party_to_report_closes_the_item()
    {
        var item = Item(new Reply(4, ReplyKind.Done, Now.AddDays(-1), Committee));

        var decision = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.Done(CouncilMember, item, null, Now));

        Assert.True(decision.ClosesItem);
    }

    [Fact]
    public void The_secretary_without_a_party_of_the_item_closes_it_for_everyone()
    {
        var decision = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.Done(Secretary, Item(), null, Now));

        Assert.Null(Assert.IsType<ReplyEffect.Append>(Assert.Single(decision.Effects)).Reply.Party);
        Assert.True(decision.ClosesItem);
    }

    [Fact]
    public void The_administrator_may_report_for_one_named_party()
    {
        var decision = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.Done(Actor.Administrator, Item(), null, Now, Committee));

        Assert.Equal(Committee, Assert.IsType<ReplyEffect.Append>(Assert.Single(decision.Effects)).Reply.Party);
    }

    public static TheoryData<string, ReplyDecision, ReplyRefusal> Refusals => new()
    {
        { "another party's item", ReplyRules.Done(Stranger, Item(), null, Now), new ReplyRefusal.NotYours("4", [Council, Committee]) },
        { "a member naming a party not theirs", ReplyRules.Done(CouncilMember, Item(), null, Now, Committee), new ReplyRefusal.NotYours("4", [Council, Committee]) },
        { "done twice", ReplyRules.Done(CouncilMember, Item(new Reply(4, ReplyKind.Done, Now.AddHours(-1), Council)), null, Now), new ReplyRefusal.AlreadyClosed("4") },
        { "a closed item", ReplyRules.Postpone(Secretary, Item(new Reply(4, ReplyKind.Closed, Now.AddHours(-1))), Today.AddDays(7), null, Today, 2020, Now), new ReplyRefusal.AlreadyClosed("4") },
        { "a date in the past", ReplyRules.Postpone(CouncilMember, Item(), Today.AddDays(-1), null, Today, 2020, Now), new ReplyRefusal.PastDate(Today.AddDays(-1)) },
        { "past the plan year by a member", ReplyRules.Postpone(CouncilMember, Item(), new DateOnly(2021, 1, 15), null, Today, 2020, Now), new ReplyRefusal.PastPlanYear(2020) },
        { "past the plan year by the secretary", ReplyRules.SetDue(Secretary, Item(), new DateOnly(2021, 1, 15), Today, 2020), new ReplyRefusal.PastPlanYear(2020) },
        { "a member setting a due date", ReplyRules.SetDue(CouncilMember, Item(), Today.AddDays(3), Today, 2020), new ReplyRefusal.SecretaryOnly() },
        { "a member recording an event", ReplyRules.RecordEvent(CouncilMember, "поступление результатов НОКО", Today), new ReplyRefusal.SecretaryOnly() },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refused_with_its_reason(string what, ReplyDecision decision, ReplyRefusal expected)
    {
        var refused = Assert.IsType<ReplyDecision.Refused>(decision);
        Assert.True(expected.GetType() == refused.Refusal.GetType(), what);
        Assert.Equal(expected.ToString(), refused.Refusal.ToString());
    }

    [Fact]
    public void Only_the_chair_moves_a_deadline_past_the_plan_year()
    {
        var decision = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.Postpone(Chair, Item(), new DateOnly(2021, 1, 15), "по решению председателя", Today, 2020, Now));

        Assert.Equal(new DateOnly(2021, 1, 15), Assert.IsType<ReplyEffect.Append>(Assert.Single(decision.Effects)).Reply.NewDate);
    }

    [Fact]
    public void A_meeting_protocol_is_recorded_on_its_open_items_dated_the_meeting_day_and_only_by_the_secretary()
    {
        var held = Now.AddDays(-2);
        var closed = new ItemState(5, "5", [Committee], "отчёт", ItemProgress.Of([Committee], [new Reply(5, ReplyKind.Done, held, Committee)], "отчёт"));
        var file = new ProtocolFile("протокол.pdf", 10, "abc", "/data/protocols/abc.pdf");

        var decision = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.MeetingProtocol(Secretary, 7, [Item(), closed], file, "протокол заседания", held, Now));
        var refused = ReplyRules.MeetingProtocol(CouncilMember, 7, [Item()], file, "протокол заседания", held, Now);

        var append = Assert.IsType<ReplyEffect.Append>(decision.Effects[0]).Reply;
        Assert.Equal((4L, ReplyKind.Protocol, held), (append.ItemId, append.Kind, append.At));
        Assert.Equal(new ReplyEffect.MeetingProtocol(7, file), decision.Effects[1]);
        Assert.Equal(2, decision.Effects.Count);
        Assert.IsType<ReplyRefusal.SecretaryOnly>(Assert.IsType<ReplyDecision.Refused>(refused).Refusal);
    }

    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary>Item 5, «май и октябрь», of the council alone, as it stands on <paramref name="today"/>.</summary>
    private static ItemState Series(DateOnly today, params Reply[] replies)
    {
        var occurrences = ItemOccurrences.Of(RussianDeadlineParser.Parse("май и октябрь", 2020), null, 2020, [Council], replies, false, Moscow)!;
        return new ItemState(5, "5", [Council], "отчёт", ItemProgress.Of(occurrences, replies, today));
    }

    [Fact]
    public void Done_on_an_item_due_several_times_closes_its_occurrence_and_names_the_next()
    {
        var may = new DateTimeOffset(2020, 5, 20, 12, 0, 0, TimeSpan.FromHours(3));

        var first = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.Done(CouncilMember, Series(new(2020, 5, 20)), null, may));
        var last = Assert.IsType<ReplyDecision.Accepted>(ReplyRules.Done(CouncilMember,
            Series(new(2020, 10, 20), new Reply(5, ReplyKind.Done, may, Council)), null, may.AddMonths(5)));

        Assert.Equal((new DateOnly(2020, 5, 31), (DateOnly?)new DateOnly(2020, 10, 31)), first.Occurrence);
        Assert.True(first.ClosesOccurrence);
        Assert.False(first.ClosesItem);
        Assert.Equal((new DateOnly(2020, 10, 31), (DateOnly?)null), last.Occurrence);
        Assert.True(last.ClosesItem);
    }

    [Fact]
    public void Done_again_before_the_next_occurrence_opens_is_refused_with_its_date()
    {
        var may = new DateTimeOffset(2020, 5, 20, 12, 0, 0, TimeSpan.FromHours(3));
        var item = Series(new(2020, 5, 21), new Reply(5, ReplyKind.Done, may, Council));

        var done = Assert.IsType<ReplyDecision.Refused>(ReplyRules.Done(CouncilMember, item, null, may.AddDays(1)));
        var bySecretary = Assert.IsType<ReplyDecision.Refused>(ReplyRules.Done(Secretary, item, null, may.AddDays(1)));
        var postpone = Assert.IsType<ReplyDecision.Refused>(ReplyRules.Postpone(CouncilMember, item, new(2020, 6, 10), null, new(2020, 5, 21), 2020, may.AddDays(1)));

        Assert.Equal(new ReplyRefusal.OccurrenceDone("5", new DateOnly(2020, 10, 31)), done.Refusal);
        Assert.Equal(done.Refusal, bySecretary.Refusal);
        Assert.Equal(done.Refusal, postpone.Refusal);
    }
}
