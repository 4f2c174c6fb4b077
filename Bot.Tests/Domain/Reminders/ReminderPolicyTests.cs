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
    public void A_june_window_is_announced_in_weekly_messages_the_day_before_and_on_the_day_then_weekly_while_overdue()
    {
        var plan = Policy().Plan(June(), EndOfJuly);

        // Mondays carry the weekly message: the period's start, the week ahead, overdue and the chair's one escalation.
        Assert.Equal(
        [
            "2020-06-01 10:00 before 29 Parties",
            "2020-06-22 10:00 before 7 Parties",
            "2020-06-29 10:00 before 1 Parties",
            "2020-06-30 10:00 due 0 Parties",
            "2020-07-06 10:00 overdue 6 Parties",
            "2020-07-13 10:00 overdue 13 Parties",
            "2020-07-13 10:00 escalation 7 Chair",
            "2020-07-20 10:00 overdue 20 Parties",
            "2020-07-27 10:00 overdue 27 Parties",
        ], plan.Select(r => Describe(r, Moscow)).ToArray());
        Assert.All(plan, r => Assert.Equal(new DateOnly(2020, 6, 30), r.Occurrence));
    }

    [Fact]
    public void Done_by_every_party_stops_all_later_reminders_but_keeps_the_ones_already_due()
    {
        var plan = Policy().Plan(June(
            new Reply(4, ReplyKind.Done, Msk("2020-06-25 12:00"), Party: TwoParties[0]),
            new Reply(4, ReplyKind.Done, Msk("2020-06-25 13:00"), Party: TwoParties[1])), EndOfJuly);

        Assert.Equal(["2020-06-01 10:00 before 29 Parties", "2020-06-22 10:00 before 7 Parties"], plan.Select(r => Describe(r, Moscow)));
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
            "2020-06-22 10:00 before 7 Parties",
            "2020-07-06 10:00 before 7 Parties",
            "2020-07-14 10:00 before 1 Parties",
            "2020-07-15 10:00 due 0 Parties",
            "2020-07-20 10:00 overdue 5 Parties",
            "2020-07-27 10:00 overdue 12 Parties",
            "2020-07-27 10:00 escalation 7 Chair",
        ], plan.Select(r => Describe(r, Moscow)).ToArray());
        Assert.Equal(new DateOnly(2020, 7, 15), plan[^1].Occurrence);
    }

    [Fact]
    public void The_day_before_a_monday_deadline_is_the_friday_and_an_overdue_item_waits_for_the_next_weekly_message()
    {
        // Due Monday 15.06.2020: the day before is Sunday; the weekly message after it is Monday 22.06.
        var settings = CouncilSettings.Default with { BeforeDays = [1], OverdueWeeklyFor = 1, OverdueThenEveryWeeks = 0, EscalateAfterDays = 0 };
        var item = new ReminderInput(1, 2020, new DateDeadline("15.06.2020", new(2020, 6, 15)), TwoParties, "", []);

        var plan = Policy(settings: settings).Plan(item, EndOfJuly);

        Assert.Equal(["2020-06-12 10:00 before 1 Parties", "2020-06-15 10:00 due 0 Parties", "2020-06-22 10:00 overdue 7 Parties"],
            plan.Select(r => Describe(r, Moscow)));
    }

    [Fact]
    public void A_quarterly_item_has_one_occurrence_per_quarter_and_done_closes_only_the_current_one()
    {
        var settings = CouncilSettings.Default with { OverdueWeeklyFor = 0, OverdueThenEveryWeeks = 0, EscalateAfterDays = 0, BeforeDays = [7] };
        var item = new ReminderInput(16, 2020, new RecurringDeadline("ежегодно, 1 раз в квартал", RecurrencePeriod.Quarter), ["Комитет по образованию"], "открытость",
            [new Reply(16, ReplyKind.Done, Msk("2020-03-20 12:00"), Party: "Комитет по образованию")]);

        var plan = Policy(settings: settings).Plan(item, new DateOnly(2020, 12, 31));

        // Q1 was done on 20.03, before its first reminder (23.03): the other quarters go on.
        Assert.Equal(
        [
            "2020-06-22 10:00 before 7 Parties", "2020-06-30 10:00 due 0 Parties",
            "2020-09-21 10:00 before 7 Parties", "2020-09-30 10:00 due 0 Parties",
            "2020-12-21 10:00 before 7 Parties", "2020-12-31 10:00 due 0 Parties",
        ], plan.Select(r => Describe(r, Moscow)).ToArray());
    }

    [Fact]
    public void A_monthly_item_due_by_the_5th_is_reminded_the_day_before_and_on_each_5th_moved_off_weekends()
    {
        var settings = CouncilSettings.Default with { BeforeDays = [1], OverdueWeeklyFor = 0, OverdueThenEveryWeeks = 0, EscalateAfterDays = 0 };
        var item = new ReminderInput(7, 2020, RussianDeadlineParser.Parse("ежемесячно до 5 числа", 2020), ["Комитет по образованию"], "сведения", []);

        var plan = Policy(settings: settings).Plan(item, new DateOnly(2020, 12, 31));

        Assert.Equal(Enumerable.Range(1, 12).Select(m => new DateOnly(2020, m, 5)), plan.Select(r => r.Occurrence).Distinct());
        // 5 April 2020 was a Sunday: the due day is Friday 3 April and the day before Thursday 2 April.
        Assert.Equal(["2020-04-02 10:00 before 1 Parties", "2020-04-03 10:00 due 0 Parties"],
            plan.Where(r => r.Occurrence.Month == 4).Select(r => Describe(r, Moscow)));
        Assert.All(plan.Where(r => r.Kind == ReminderKind.Due), r => Assert.InRange(r.Occurrence.DayNumber - r.Day.DayNumber, 0, 2));
    }

    [Fact]
    public void A_report_due_in_the_month_after_each_quarter_falls_due_four_times_inside_the_plan_year()
    {
        var settings = CouncilSettings.Default with { BeforeDays = [7], OverdueWeeklyFor = 0, OverdueThenEveryWeeks = 0, EscalateAfterDays = 0 };
        var deadline = RussianDeadlineParser.Parse("ежеквартально, до 10 числа месяца, следующего за отчётным кварталом", 2020);
        var item = new ReminderInput(7, 2020, deadline, ["Комитет по образованию"], "отчёт", []);

        var plan = Policy(settings: settings).Plan(item, new DateOnly(2021, 6, 30));

        // The last quarter of 2019 is reported in January; the last of 2020 belongs to the next year's plan.
        Assert.Equal([new DateOnly(2020, 1, 10), new(2020, 4, 10), new(2020, 7, 10), new(2020, 10, 10)], plan.Select(r => r.Occurrence).Distinct());
        Assert.All(plan, r => Assert.True(r.Day <= r.Occurrence, Describe(r, Moscow)));
    }

    [Fact]
    public void Each_window_of_a_series_is_announced_and_reminded_on_its_own_and_done_closes_only_the_current_one()
    {
        var settings = CouncilSettings.Default with { OverdueWeeklyFor = 0, OverdueThenEveryWeeks = 0, EscalateAfterDays = 0 };
        var item = new ReminderInput(3, 2020, RussianDeadlineParser.Parse("май и октябрь", 2020), ["Общественный совет"], "отчёт",
            [new Reply(3, ReplyKind.Done, Msk("2020-05-20 12:00"), Party: "Общественный совет")]);

        var plan = Policy(settings: settings).Plan(item, new DateOnly(2020, 12, 31));

        // May: its window opens, the week ahead (31 May is a Sunday: due Friday 29 May); done on 20 May ends May's.
        // October: its window opens, the week ahead, the day before and the day (31 October is a Saturday).
        Assert.Equal(
        [
            "2020-05-04 10:00 before 30 Parties",
            "2020-05-18 10:00 before 7 Parties",
            "2020-10-05 10:00 before 30 Parties",
            "2020-10-19 10:00 before 7 Parties",
            "2020-10-29 10:00 before 1 Parties",
            "2020-10-30 10:00 due 0 Parties",
        ], plan.Select(r => Describe(r, Moscow)).ToArray());
    }

    [Fact]
    public void A_continuous_item_gets_a_monthly_check_in_in_the_first_weekly_message_of_the_month()
    {
        var item = new ReminderInput(15, 2020, new ContinuousDeadline("постоянно"), ["Комитет по образованию"], "", []);

        var plan = Policy().Plan(item, new DateOnly(2020, 12, 31));

        Assert.Equal(12, plan.Count);
        Assert.All(plan, r => Assert.Equal(ReminderKind.Checkin, r.Kind));
        Assert.Equal("2020-02-03 10:00 checkin 2 Parties", Describe(plan[1], Moscow)); // 1 Feb 2020 is a Saturday
    }

    [Fact]
    public void An_unscheduled_item_asks_the_secretary_in_every_weekly_message_until_a_date_is_given()
    {
        var item = new ReminderInput(2, 2020, new UnscheduledDeadline(""), ["Общественный совет"], "перечень",
            [new Reply(2, ReplyKind.Postponed, Msk("2020-01-20 11:00"), NewDate: new DateOnly(2020, 3, 16))]);

        var plan = Policy().Plan(item, new DateOnly(2020, 3, 31));

        var asks = plan.Where(r => r.Kind == ReminderKind.AskDate).Select(r => Describe(r, Moscow)).ToArray();
        Assert.Equal(["2020-01-06 10:00 ask-date 2 Secretary", "2020-01-13 10:00 ask-date 3 Secretary", "2020-01-20 10:00 ask-date 4 Secretary"], asks);
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

        Assert.Equal(new DateTimeOffset(2020, 6, 22, 1, 0, 0, TimeSpan.Zero), plan.Single(r => r.Kind == ReminderKind.Before && r.Sequence == 7).At);
    }

    [Fact]
    public void A_reminder_time_inside_quiet_hours_moves_to_their_end()
    {
        var settings = CouncilSettings.Default with { ReminderTime = new TimeOnly(22, 30) };

        var plan = Policy(settings: settings).Plan(June(), EndOfJuly);

        Assert.Equal("2020-06-23 08:00 before 7 Parties", Describe(plan.Single(r => r.Kind == ReminderKind.Before && r.Sequence == 7), Moscow));
    }

    [Fact]
    public void The_secretary_closing_an_item_stops_everything_after()
    {
        var plan = Policy().Plan(June(new Reply(4, ReplyKind.Closed, Msk("2020-06-02 09:00"))), EndOfJuly);

        Assert.Equal(["2020-06-01 10:00 before 29 Parties"], plan.Select(r => Describe(r, Moscow)));
    }

    [Fact]
    public void An_undone_quarter_is_nagged_weekly_for_a_month_then_every_other_week_until_the_next_quarter_falls_due()
    {
        var settings = CouncilSettings.Default with { BeforeDays = [], EscalateAfterDays = 0 };
        var item = new ReminderInput(16, 2020, new RecurringDeadline("ежеквартально", RecurrencePeriod.Quarter), ["Комитет по образованию"], "", []);

        var plan = Policy(settings: settings).Plan(item, new DateOnly(2020, 12, 31));

        var q1 = plan.Where(r => r.Occurrence == new DateOnly(2020, 3, 31) && r.Kind == ReminderKind.Overdue).Select(r => r.Day.ToString("dd.MM", CultureInfo.InvariantCulture));
        Assert.Equal(["06.04", "13.04", "20.04", "27.04", "04.05", "18.05", "01.06", "15.06", "29.06"], q1);
    }

    [Fact]
    public void The_chair_is_told_once_per_item_even_when_every_quarter_is_late()
    {
        var item = new ReminderInput(16, 2020, new RecurringDeadline("ежеквартально", RecurrencePeriod.Quarter), ["Комитет по образованию"], "", []);

        var plan = Policy().Plan(item, new DateOnly(2020, 12, 31));

        Assert.Equal("2020-04-13 10:00 escalation 7 Chair", Describe(plan.Single(r => r.Kind == ReminderKind.Escalation), Moscow));
    }

    [Fact]
    public void When_the_plan_year_is_over_the_reminders_stop_and_the_secretary_is_told_in_the_first_weekly_message()
    {
        var december = new ReminderInput(13, 2020, new WindowDeadline("ноябрь - декабрь", new(2020, 11, 1), new(2020, 12, 31)), TwoParties, "", []);
        var postponed = december with
        {
            Replies = [new Reply(13, ReplyKind.Postponed, Msk("2020-12-20 12:00"), NewDate: new DateOnly(2021, 1, 20))],
        };

        var plan = Policy().Plan(december, new DateOnly(2021, 6, 30));
        var late = Policy().Plan(postponed, new DateOnly(2021, 6, 30));

        Assert.Equal(new DateOnly(2020, 12, 31), plan.Max(r => r.Day));
        // Postponed past the year by the chair: followed until four weeks after its new date.
        Assert.Equal(new DateOnly(2021, 2, 15), late.Where(r => r.Kind == ReminderKind.Overdue).Max(r => r.Day));
        Assert.Equal(new DateOnly(2021, 1, 4), Policy().PlanOverDay(2020));
    }

    [Fact]
    public void A_member_gets_a_reminder_at_their_own_hour_or_on_weekly_summary_only_in_the_weekly_message()
    {
        var policy = Policy();
        var wednesday = new DateOnly(2020, 6, 24);

        Assert.Equal(Msk("2020-06-24 10:00"), policy.InstantFor(wednesday, MemberPreferences.Default));
        Assert.Equal(Msk("2020-06-24 08:30"), policy.InstantFor(wednesday, new MemberPreferences(new TimeOnly(8, 30))));
        Assert.Equal(Msk("2020-06-22 18:00"), policy.InstantFor(wednesday, new MemberPreferences(new TimeOnly(18, 0), WeeklySummaryOnly: true)));
        Assert.Equal(Msk("2020-06-25 08:00"), policy.InstantFor(wednesday, new MemberPreferences(new TimeOnly(23, 0))));
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
