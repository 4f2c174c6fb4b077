using System.Globalization;
using System.Text.Json;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Simulation;

public sealed class SimulateCommandTests
{
    private sealed record Row(DateTimeOffset At, string Kind, string? Item, string Recipient, string Channel);

    private static async Task<(List<Row> Rows, JsonElement Summary, string Out)> SimulateAsync(string plan, params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("nokobot-sim-test-").FullName;
        try
        {
            var result = await CliRunner.RunAsync(["simulate", "--plan", RepoPaths.Of("config", "plans", plan), "--year", "2020", "--json", "--out", folder, .. extra]);
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Out);
            var rows = json.RootElement.GetProperty("deliveries").EnumerateArray().Select(d => new Row(
                DateTimeOffset.Parse(d.GetProperty("at").GetString()!, CultureInfo.InvariantCulture), d.GetProperty("kind").GetString()!,
                d.GetProperty("item").GetString(), d.GetProperty("recipient").GetString()!, d.GetProperty("channel").GetString()!)).ToList();
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

        // Item 4 «июнь»: the window opens, 7 and 1 days before its end, on the day, then overdue and the chair.
        // 1 July 2020 was a non-working day (the constitutional vote), so «1 day overdue» comes on 2 July.
        // Sends of one instant to different people have no order of their own: compare them sorted.
        var item4 = rows.Where(r => r.Item == "4").Select(r => $"{r.At:yyyy-MM-dd HH:mm zzz} {r.Kind}").Distinct()
            .Order(StringComparer.Ordinal).Take(8).ToArray();
        Assert.Equal(
        [
            "2020-06-01 10:00 +03:00 before", "2020-06-23 10:00 +03:00 before", "2020-06-29 10:00 +03:00 before",
            "2020-06-30 10:00 +03:00 due", "2020-07-02 10:00 +03:00 overdue", "2020-07-03 10:00 +03:00 overdue",
            "2020-07-07 10:00 +03:00 escalation", "2020-07-07 10:00 +03:00 overdue",
        ], item4);
        // Item 15 «постоянно»: a check-in on the first working day of each month (9 January after the holidays).
        Assert.Equal(12, rows.Count(r => r.Item == "15" && r.Kind == "checkin"));
        Assert.Contains(rows, r => r.Item == "15" && r.At == new DateTimeOffset(2020, 1, 9, 10, 0, 0, TimeSpan.FromHours(3)));
        // Digests on Mondays at 09:00 Moscow time, and no reminder on a weekend or a holiday.
        Assert.All(rows.Where(r => r.Kind == "digest"), r => Assert.Equal((DayOfWeek.Monday, 9), (r.At.DayOfWeek, r.At.Hour)));
        Assert.All(rows.Where(r => r.Kind != "digest"), r => Assert.True(r.At.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), r.ToString()));
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(rows.Count, summary.GetProperty("total").GetInt32());
        Assert.Equal("Europe/Moscow", summary.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task The_zeya_plan_runs_on_yakutsk_time()
    {
        var (rows, summary, _) = await SimulateAsync("zeya-2020.txt");

        Assert.Equal("zeya", summary.GetProperty("council").GetString());
        Assert.All(rows, r => Assert.Equal(TimeSpan.FromHours(9), r.At.Offset));
        // Item 2 «II квартал»: 7 days before 30 June, at 10:00 in Zeya.
        Assert.Contains(rows, r => r.Item == "2" && r.Kind == "before" && r.At == new DateTimeOffset(2020, 6, 23, 10, 0, 0, TimeSpan.FromHours(9)));
    }

    [Fact]
    public async Task Scripted_replies_close_postpone_and_date_items()
    {
        var script = Path.GetTempFileName();
        await File.WriteAllLinesAsync(script,
        [
            "2020-03-20 done 1",
            "2020-06-25 postpone 4 2020-07-15 ждём оператора",
            "2020-09-14 event поступление результатов НОКО",
            "2020-09-22 done 8",
        ], TestContext.Current.CancellationToken);
        try
        {
            var (rows, _, _) = await SimulateAsync("desnogorsk-2020.txt", "--replies", script);

            Assert.DoesNotContain(rows, r => r.Item == "1" && r.At.Date > new DateTime(2020, 3, 20));
            Assert.Contains(rows, r => r.Item == "4" && r.Kind == "due" && r.At.Date == new DateTime(2020, 7, 15));
            Assert.DoesNotContain(rows, r => r.Item == "4" && r.Kind == "due" && r.At.Date == new DateTime(2020, 6, 30));
            // The event dates item 8 (10 days after 14.09); item 8 done on 22.09 dates item 9 (3 days after).
            Assert.Contains(rows, r => r.Item == "8" && r.Kind == "before" && r.At.Date == new DateTime(2020, 9, 17));
            Assert.Contains(rows, r => r.Item == "9" && r.Kind == "due" && r.At.Date == new DateTime(2020, 9, 25));
        }
        finally
        {
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
