using System.Globalization;
using System.Text.Json;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Simulation;

public sealed class SimulateCommandTests
{
    private sealed record Row(DateTimeOffset At, string Kind, string? Item, string Recipient, string Channel, string Message);

    /// <param name="plan">A seed plan's file name in config/plans, or a full path.</param>
    private static async Task<(List<Row> Rows, JsonElement Summary, string Out)> SimulateAsync(string plan, params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("nokobot-sim-test-").FullName;
        try
        {
            var path = Path.IsPathRooted(plan) ? plan : RepoPaths.Of("config", "plans", plan);
            var result = await CliRunner.RunAsync(["simulate", "--plan", path, "--year", "2020", "--json", "--out", folder, .. extra]);
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Out);
            var rows = json.RootElement.GetProperty("deliveries").EnumerateArray().Select(d => new Row(
                DateTimeOffset.Parse(d.GetProperty("at").GetString()!, CultureInfo.InvariantCulture), d.GetProperty("kind").GetString()!,
                d.GetProperty("item").GetString(), d.GetProperty("recipient").GetString()!, d.GetProperty("channel").GetString()!,
                d.GetProperty("message").GetString()!)).ToList();
            Assert.True(File.Exists(Path.Combine(folder, "telegram.txt")));
            return (rows, json.RootElement.GetProperty("summary").Clone(), result.Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_year_of_the_desnogorsk_plan_reminds_on_the_expected_moscow_days()
    {
        var (rows, summary, _) = await SimulateAsync("desnogorsk-2020.txt");

        // Item 4 «июнь»: the window opens and the week ahead ride in Monday's weekly messages, then the day before and the
        // day itself; overdue in the weekly messages (1 July 2020 was a non-working day anyway), and the chair once.
        // Sends of one instant to different people have no order of their own: compare them sorted.
        var item4 = rows.Where(r => r.Item == "4").Select(r => $"{r.At:yyyy-MM-dd HH:mm zzz} {r.Kind}").Distinct()
            .Order(StringComparer.Ordinal).Take(8).ToArray();
        Assert.Equal(
        [
            "2020-06-01 10:00 +03:00 before", "2020-06-22 10:00 +03:00 before", "2020-06-29 10:00 +03:00 before",
            "2020-06-30 10:00 +03:00 due", "2020-07-06 10:00 +03:00 overdue", "2020-07-13 10:00 +03:00 escalation",
            "2020-07-13 10:00 +03:00 overdue", "2020-07-20 10:00 +03:00 overdue",
        ], item4);
        // Item 15 «постоянно»: a check-in in the first weekly message of each month (9 January after the holidays).
        Assert.Equal(12, rows.Count(r => r.Item == "15" && r.Kind == "checkin"));
        Assert.Contains(rows, r => r.Item == "15" && r.At == new DateTimeOffset(2020, 1, 9, 10, 0, 0, TimeSpan.FromHours(3)));
        // Digests on Mondays at 09:00 Moscow time, and no reminder on a weekend or a holiday.
        Assert.All(rows.Where(r => r.Kind == "digest"), r => Assert.Equal((DayOfWeek.Monday, 9), (r.At.DayOfWeek, r.At.Hour)));
        Assert.All(rows.Where(r => r.Kind != "digest"), r => Assert.True(r.At.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), r.ToString()));
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(rows.Count, summary.GetProperty("total").GetInt32());
        Assert.Equal(rows.Select(r => r.Message).Distinct().Count(), summary.GetProperty("messages").GetInt32());
        Assert.Equal("Europe/Moscow", summary.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task The_zeya_plan_runs_on_yakutsk_time()
    {
        var (rows, summary, _) = await SimulateAsync("zeya-2020.txt");

        Assert.Equal("zeya", summary.GetProperty("council").GetString());
        Assert.All(rows, r => Assert.Equal(TimeSpan.FromHours(9), r.At.Offset));
        // Item 2 «II квартал»: in the weekly message of the week before 30 June, at 10:00 in Zeya.
        Assert.Contains(rows, r => r.Item == "2" && r.Kind == "before" && r.At == new DateTimeOffset(2020, 6, 22, 10, 0, 0, TimeSpan.FromHours(9)));
    }

    [Fact]
    public async Task Scripted_replies_close_postpone_and_date_items()
    {
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script,
        [
            "2020-03-20 done 1",
            "2020-06-25 postpone 4 2020-07-15 ждём оператора",
            "2020-09-10 event поступление результатов НОКО",
            "2020-09-22 done 8",
        ], TestContext.Current.CancellationToken);
        try
        {
            var (rows, _, _) = await SimulateAsync("desnogorsk-2020.txt", "--replies", script);

            Assert.DoesNotContain(rows, r => r.Item == "1" && r.At.Date > new DateTime(2020, 3, 20));
            Assert.Contains(rows, r => r.Item == "4" && r.Kind == "due" && r.At.Date == new DateTime(2020, 7, 15));
            Assert.DoesNotContain(rows, r => r.Item == "4" && r.Kind == "due" && r.At.Date == new DateTime(2020, 6, 30));
            // The event dates item 8 (10 days after 10.09: Sunday 20.09, so Friday 18.09 and the day before); item 8 done on 22.09 dates item 9 (3 days after).
            Assert.Contains(rows, r => r.Item == "8" && r.Kind == "before" && r.At.Date == new DateTime(2020, 9, 17));
            Assert.Contains(rows, r => r.Item == "9" && r.Kind == "due" && r.At.Date == new DateTime(2020, 9, 25));
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static TheoryData<string, string[]> DatedItems => new()
    {
        // Each seed's items with a date, and the days they are due (quarterly item 16: every quarter).
        { "desnogorsk-2020.txt", ["1 2020-03-31", "4 2020-06-30", "5 2020-08-31", "10 2020-12-31", "13 2020-12-31", "14 2020-12-31",
            "16 2020-03-31", "16 2020-06-30", "16 2020-09-30", "16 2020-12-31"] },
        { "zeya-2020.txt", ["1 2020-02-29", "2 2020-06-30", "3 2020-06-30", "4 2020-12-31", "5 2020-12-31", "6 2020-12-31", "7 2020-12-31"] },
    };

    [Theory]
    [MemberData(nameof(DatedItems))]
    public async Task Nobody_hears_from_the_bot_more_than_once_a_day_or_three_times_a_week_yet_every_dated_item_is_announced_in_time(
        string plan, string[] dated)
    {
        var (rows, _, _) = await SimulateAsync(plan);

        // One message per (recipient, day) and at most three per ISO week; meeting agendas aside.
        var messages = rows.Where(r => r.Kind != "agenda").GroupBy(r => r.Message).Select(g => g.First()).ToList();
        Assert.All(messages.GroupBy(m => (m.Recipient, DateOnly.FromDateTime(m.At.DateTime))), day => Assert.Single(day));
        Assert.All(messages.GroupBy(m => (m.Recipient, ISOWeek.GetYear(m.At.DateTime), ISOWeek.GetWeekOfYear(m.At.DateTime))),
            week => Assert.True(week.Count() <= 3, $"{week.Key}: {week.Count()} messages"));
        if (plan.StartsWith("desnogorsk", StringComparison.Ordinal)) Assert.True(messages.Count <= 250, $"{messages.Count} messages in the year");
        // Every entry of one message went to one person at one moment.
        Assert.All(rows.GroupBy(r => r.Message), m => Assert.Single(m.Select(r => (r.Recipient, r.At)).Distinct()));

        // Each dated item, for each person it is addressed to: a week ahead, the day before and on the day, inside those messages.
        foreach (var (item, due) in dated.Select(d => d.Split(' ')).Select(d => (d[0], DateOnly.Parse(d[1], CultureInfo.InvariantCulture))))
        {
            var about = rows.Where(r => r.Item == item && r.Kind is "before" or "due").ToList();
            var onTheDay = about.Where(r => r.Kind == "due" && Day(r) <= due && Day(r) >= due.AddDays(-3)).ToList();
            Assert.NotEmpty(onTheDay);
            foreach (var recipient in onTheDay.Select(r => r.Recipient).Distinct())
            {
                var dueDay = onTheDay.First(r => r.Recipient == recipient).At;
                var theirs = about.Where(r => r.Recipient == recipient).Select(Day).ToList();
                var day = DateOnly.FromDateTime(dueDay.DateTime);
                Assert.Contains(theirs, d => d >= day.AddDays(-11) && d <= day.AddDays(-6));
                Assert.Contains(theirs, d => d >= day.AddDays(-4) && d < day);
            }
        }

        static DateOnly Day(Row r) => DateOnly.FromDateTime(r.At.DateTime);
    }

    [Fact]
    public async Task A_monthly_item_due_by_the_5th_is_reminded_before_each_5th_and_a_series_window_by_window()
    {
        var plan = Path.GetTempFileName();
        await File.WriteAllLinesAsync(plan,
        [
            "План работы Общественного совета на 2020 год",
            "",
            "№ п/п\tНаименование мероприятия\tРезультат\tСрок реализации\tОтветственный исполнитель",
            "1.\tПредставление сведений о работе учреждений\tСведения\tежемесячно до 5 числа\tКомитет по образованию",
            "2.\tОбсуждение итогов независимой оценки\tРешение совета\tмай и октябрь\tОбщественный совет",
        ], TestContext.Current.CancellationToken);
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script, ["2020-05-20 done 2", "2020-05-21 done 2"], TestContext.Current.CancellationToken);
        try
        {
            var (rows, _, json) = await SimulateAsync(plan, "--replies", script);

            // Each 5th from February (5 January 2020 was in the New Year holidays: its working day, 31 December, was
            // before the plan's year): the week ahead, the day before and the due day — the 5th or, off a weekend or a
            // holiday, the working day before it (Friday 3 April; 30 April before the May holidays).
            var calendar = CalendarFile.Load(RepoPaths.Of("config", "calendar", "ru.txt"));
            var about = rows.Where(r => r.Item == "1" && r.Kind is "before" or "due").Select(r => (r.Kind, Day: DateOnly.FromDateTime(r.At.DateTime))).ToList();
            for (var month = 2; month <= 12; month++)
            {
                var dueDay = calendar.PreviousWorkingDay(new DateOnly(2020, month, 5));
                Assert.Contains(("due", dueDay), about);
                Assert.Contains(about, r => r.Kind == "before" && r.Day < dueDay && r.Day >= dueDay.AddDays(-4));
                Assert.Contains(about, r => r.Kind == "before" && r.Day <= dueDay.AddDays(-5) && r.Day >= dueDay.AddDays(-11));
            }
            Assert.Contains(("due", new DateOnly(2020, 4, 3)), about);
            Assert.Contains(("due", new DateOnly(2020, 4, 30)), about);
            // The series: May's window done on 20 May ends May's reminders only; October's falls due on its own
            // (31 October, a Saturday: Friday 30 October). Done again on 21 May, before October's opens, is refused.
            var item2 = rows.Where(r => r.Item == "2").Select(r => DateOnly.FromDateTime(r.At.DateTime)).ToList();
            Assert.DoesNotContain(item2, d => d > new DateOnly(2020, 5, 20) && d < new DateOnly(2020, 10, 1));
            Assert.Contains(rows, r => r.Item == "2" && r.Kind == "due" && r.At.Date == new DateTime(2020, 10, 30));
            Assert.Contains("выполнение за этот срок уже отмечено", json, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(plan);
            File.Delete(script);
        }
    }

    [Fact]
    public async Task A_bad_replies_script_is_refused_with_its_line()
    {
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script, ["2020-03-20 done 99"], TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRunner.RunAsync("simulate", "--plan", RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), "--year", "2020", "--replies", script, "--out", Path.GetTempPath());

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("строка 1: в плане нет пункта 99", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
