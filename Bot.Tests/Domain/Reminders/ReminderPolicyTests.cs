using System.Globalization;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Replies;
using NokoBot.Domain.Reminders;

namespace NokoBot.Tests.Domain.Reminders;

public sealed class ReminderPolicyTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Yakutsk = TimeZoneInfo.FindSystemTimeZoneById("Asia/Yakutsk");
    private static readonly string[] TwoParties = ["Общественный совет", "Комитет по образованию"];
    private static readonly DateOnly EndOfJuly = new(2020, 7, 31);

    private static ReminderPolicy Policy(TimeZoneInfo? zone = null, CouncilSettings? settings = null) =>
        new(settings ?? CouncilSettings.Default, zone ?? Moscow, ProductionCalendar.WeekendsOnly);

    private static ReminderInput June(params Reply[] replies) => new(
        4, 2020, new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), TwoParties, "техническое задание", replies);

    private static DateTimeOffset Msk(string localDateTime) =>
        new(DateTime.ParseExact(localDateTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(3));

    private static string Describe(PlannedReminder r, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTime(r.At, zone):yyyy-MM-dd HH:mm} {r.Kind.ToName()} {r.Sequence} {r.Audience}";

    [Fact]
    public void A_june_window_is_announced_reminded_7_and_1_days_before_on_the_day_then_overdue_and_escalated()
    {
        var plan = Policy().Plan(June(), EndOfJuly);

        Assert.Equal(
        [
            "2020-06-01 10:00 before 29 Parties",
            "2020-06-23 10:00 before 7 Parties",
            "2020-06-29 10:00 before 1 Parties",
            "2020-06-30 10:00 due 0 Parties",
            "2020-07-01 10:00 overdue 1 Parties",
            "2020-07-03 10:00 overdue 3 Parties",
            "2020-07-07 10:00 overdue 7 Parties",
            "2020-07-07 10:00 escalation 7 Chair",
            "2020-07-14 10:00 overdue 14 Parties",
            "2020-07-21 10:00 overdue 21 Parties",
            "2020-07-28 10:00 overdue 28 Parties",
        ], plan.Select(r => Describe(r, Moscow)).ToArray());
        Assert.All(plan, r => Assert.Equal(new DateOnly(2020, 6, 30), r.Occurrence));
    }

    [Fact]
    public void Done_by_every_party_stops_all_later_reminders_but_keeps_the_ones_already_due()
    {
        var plan = Policy().Plan(June(
            new Reply(4, ReplyKind.Done, Msk("2020-06-25 12:00"), Party: TwoParties[0]),
            new Reply(4, ReplyKind.Done, Msk("2020-06-25 13:00"), Party: TwoParties[1])), EndOfJuly);

        Assert.Equal(["2020-06-01 10:00 before 29 Parties", "2020-06-23 10:00 before 7 Parties"], plan.Select(r => Describe(r, Moscow)));
    }

    [Fact]
    public void Done_by_one_party_stops_its_reminders_and_the_other_party_is_still_reminded()
    {
        var plan = Policy().Plan(June(new Reply(4, ReplyKind.Done, Msk("2020-06-25 12:00"), Party: TwoParties[0])), EndOfJuly);

        var afterDone = plan.Where(r => r.At > Msk("2020-06-25 12:00") && r.Audience == ReminderAudience.Parties).ToList();
        Assert.NotEmpty(afterDone);
        Assert.All(afterDone, r => Assert.Equal([TwoParties[1]], r.Parties));
        Assert.Equal(TwoParties, plan.Single(r => r.Sequence == 7 && r.Kind == ReminderKind.Before).Parties);
    }

    [Fact]
    public void A_postponement_replans_from_the_new_date_with_a_new_occurrence()
    {
        var plan = Policy().Plan(June(new Reply(4, ReplyKind.Postponed, Msk("2020-06-25 12:00"), NewDate: new DateOnly(2020, 7, 15))), EndOfJuly);

        Assert.Equal(
        [
            "2020-06-01 10:00 before 29 Parties",
            "2020-06-23 10:00 before 7 Parties",
            "2020-07-08 10:00 before 7 Parties",
            "2020-07-14 10:00 before 1 Parties",
            "2020-07-15 10:00 due 0 Parties",
            "2020-07-16 10:00 overdue 1 Parties",
            "2020-07-20 10:00 overdue 3 Parties",
            "2020-07-22 10:00 overdue 7 Parties",
            "2020-07-22 10:00 escalation 7 Chair",
            "2020-07-29 10:00 overdue 14 Parties",
        ], plan.Select(r => Describe(r, Moscow)).ToArray());
        Assert.Equal(new DateOnly(2020, 7, 15), plan[^1].Occurrence);
    }

    [Fact]
    public void Reminders_falling_on_a_weekend_move_to_the_previous_working_day_and_overdue_ones_to_the_next()
    {
        // Due Monday 15.06.2020: 1 day before is Sunday; 6 days after (with overdue 6 configured) is Sunday.
        var settings = CouncilSettings.Default with { BeforeDays = [1], OverdueDays = [6], OverdueRepeatDays = 0, EscalateAfterDays = 0 };
        var item = new ReminderInput(1, 2020, new DateDeadline("15.06.2020", new(2020, 6, 15)), TwoParties, "", []);

        var plan = Policy(settings: settings).Plan(item, EndOfJuly);

        Assert.Equal(["2020-06-12 10:00 before 1 Parties", "2020-06-15 10:00 due 0 Parties", "2020-06-22 10:00 overdue 6 Parties"],
            plan.Select(r => Describe(r, Moscow)));
    }

    [Fact]
    public void A_quarterly_item_has_one_occurrence_per_quarter_and_done_closes_only_the_current_one()
    {
        var settings = CouncilSettings.Default with { OverdueDays = [], OverdueRepeatDays = 0, EscalateAfterDays = 0, BeforeDays = [7] };
        var item = new ReminderInput(16, 2020, new RecurringDeadline("ежегодно, 1 раз в квартал", RecurrencePeriod.Quarter), ["Комитет по образованию"], "открытость",
            [new Reply(16, ReplyKind.Done, Msk("2020-03-20 12:00"), Party: "Комитет по образованию")]);

        var plan = Policy(settings: settings).Plan(item, new DateOnly(2020, 12, 31));

        // Q1 was done on 20.03, before its first reminder (24.03): the other quarters go on.
        Assert.Equal(
        [
            "2020-06-23 10:00 before 7 Parties", "2020-06-30 10:00 due 0 Parties",
            "2020-09-23 10:00 before 7 Parties", "2020-09-30 10:00 due 0 Parties",
            "2020-12-24 10:00 before 7 Parties", "2020-12-31 10:00 due 0 Parties",
        ], plan.Select(r => Describe(r, Moscow)).ToArray());
    }

    [Fact]
    public void A_continuous_item_gets_a_monthly_check_in_on_the_first_working_day()
    {
        var item = new ReminderInput(15, 2020, new ContinuousDeadline("постоянно"), ["Комитет по образованию"], "", []);

        var plan = Policy().Plan(item, new DateOnly(2020, 12, 31));

        Assert.Equal(12, plan.Count);
        Assert.All(plan, r => Assert.Equal(ReminderKind.Checkin, r.Kind));
        Assert.Equal("2020-02-03 10:00 checkin 2 Parties", Describe(plan[1], Moscow)); // 1 Feb 2020 is a Saturday
    }

    [Fact]
    public void An_unscheduled_item_asks_the_secretary_weekly_until_a_date_is_given()
    {
        var item = new ReminderInput(2, 2020, new UnscheduledDeadline(""), ["Общественный совет"], "перечень",
            [new Reply(2, ReplyKind.Postponed, Msk("2020-01-20 11:00"), NewDate: new DateOnly(2020, 3, 16))]);

        var plan = Policy().Plan(item, new DateOnly(2020, 3, 31));

        var asks = plan.Where(r => r.Kind == ReminderKind.AskDate).Select(r => Describe(r, Moscow)).ToArray();
        Assert.Equal(["2020-01-01 10:00 ask-date 1 Secretary", "2020-01-08 10:00 ask-date 2 Secretary", "2020-01-15 10:00 ask-date 3 Secretary"], asks);
        Assert.Contains(plan, r => r.Kind == ReminderKind.Due && r.Occurrence == new DateOnly(2020, 3, 16));
    }

    [Fact]
    public void A_relative_item_waits_for_its_event_then_is_due_10_days_after_it()
    {
        var deadline = new RelativeDeadline("в течение 10 дней со дня поступления информации о результатах НОКО", 10, RelativeUnit.Days, "поступления информации о результатах НОКО");
        var waiting = new ReminderInput(8, 2020, deadline, TwoParties, "протокол заседания", []);

        Assert.Empty(Policy().Plan(waiting, new DateOnly(2020, 12, 31)));
        var dated = Policy().Plan(waiting with { AnchorDate = new DateOnly(2020, 9, 14) }, new DateOnly(2020, 12, 31));
        Assert.Contains(dated, r => r.Kind == ReminderKind.Due && r.Occurrence == new DateOnly(2020, 9, 24));
    }

    [Fact]
    public void A_yakutsk_council_is_reminded_at_ten_in_yakutsk()
    {
        var plan = Policy(Yakutsk).Plan(June(), EndOfJuly);

        Assert.Equal(new DateTimeOffset(2020, 6, 23, 1, 0, 0, TimeSpan.Zero), plan.Single(r => r.Kind == ReminderKind.Before && r.Sequence == 7).At);
    }

    [Fact]
    public void A_reminder_time_inside_quiet_hours_moves_to_their_end()
    {
        var settings = CouncilSettings.Default with { ReminderTime = new TimeOnly(22, 30) };

        var plan = Policy(settings: settings).Plan(June(), EndOfJuly);

        Assert.Equal("2020-06-24 08:00 before 7 Parties", Describe(plan.Single(r => r.Kind == ReminderKind.Before && r.Sequence == 7), Moscow));
    }

    [Fact]
    public void The_secretary_closing_an_item_stops_everything_after()
    {
        var plan = Policy().Plan(June(new Reply(4, ReplyKind.Closed, Msk("2020-06-02 09:00"))), EndOfJuly);

        Assert.Equal(["2020-06-01 10:00 before 29 Parties"], plan.Select(r => Describe(r, Moscow)));
    }

    [Fact]
    public void An_undone_quarter_is_nagged_only_until_the_next_quarter_falls_due()
    {
        var settings = CouncilSettings.Default with { BeforeDays = [], EscalateAfterDays = 0 };
        var item = new ReminderInput(16, 2020, new RecurringDeadline("ежеквартально", RecurrencePeriod.Quarter), ["Комитет по образованию"], "", []);

        var plan = Policy(settings: settings).Plan(item, new DateOnly(2020, 12, 31));

        var q1 = plan.Where(r => r.Occurrence == new DateOnly(2020, 3, 31)).ToList();
        Assert.All(q1, r => Assert.True(r.At < Msk("2020-06-30 00:00")));
        Assert.Contains(q1, r => r.Kind == ReminderKind.Overdue && r.Sequence == 84);
    }

    [Fact]
    public void Work_that_starts_with_an_event_is_announced_on_the_day_and_never_called_overdue()
    {
        var deadline = new RelativeDeadline("со дня поступления информации о результатах НОКО", 0, RelativeUnit.Days, "поступления информации о результатах НОКО");
        var item = new ReminderInput(11, 2020, deadline, ["Образовательные организации"], "планы мероприятий", [], AnchorDate: new DateOnly(2020, 9, 15));

        var plan = Policy().Plan(item, new DateOnly(2020, 12, 31));

        Assert.Equal(["2020-09-15 10:00 due 0 Parties"], plan.Select(r => Describe(r, Moscow)));
    }
}
