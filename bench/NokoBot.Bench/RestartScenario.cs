using System.Diagnostics;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Tests.Support;

namespace NokoBot.Bench;

/// <summary>
/// The service was down for the hour in which 10 000 reminders fell due (1 000 members × 10 items, each 7 days before
/// its deadline); it starts → seconds until every one is handled, and how many went out twice. The Bot API's limits
/// are lifted here: at Telegram's 30 messages/s the same backlog takes 10 000 / 30 ≈ 333 s whatever the service does.
/// </summary>
internal static class RestartScenario
{
    private const int Members = 1_000;
    private const int Items = 10;

    public static async Task RunAsync()
    {
        var dueAt = new DateTimeOffset(2020, 6, 23, 10, 0, 0, TimeSpan.FromHours(3));
        var time = new ShiftedClock(dueAt + TimeSpan.FromSeconds(30));
        var june = new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30));
        var plan = new PlanImport(
            [.. Enumerable.Range(1, Items).Select(i => new PlanItem($"{i}", null, $"Мероприятие {i}", ["Общественный совет"], "июнь", june, "протокол"))], []);
        await using var rig = await ServiceRig.CreateAsync(time, plan, 2020);
        await rig.AddMembersAsync(Members, 3_000_000);
        await rig.MarkSweptUntilAsync(dueAt - TimeSpan.FromHours(1));

        var watch = Stopwatch.StartNew();
        await rig.StartAsync(1_000_000);
        while (await rig.CountAsync("SELECT count(*) FROM deliveries WHERE status <> 'pending'") < Members * Items)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("the backlog was not handled in 5 minutes");
            await Task.Delay(50);
        }
        watch.Stop();
        var accepted = rig.AcceptedReminders();
        var duplicates = accepted.Count - rig.Api.CallsTo("sendMessage").Select(c => c.Body.ToJsonString()).Distinct(StringComparer.Ordinal).Count();
        Report.Line("restart.backlog_handled", watch.Elapsed.TotalSeconds, "s", goal: 30);
        Report.Line("restart.sent", accepted.Count, "reminders", Members * Items, "reminders that fell due while down");
        Report.Line("restart.duplicates", duplicates, "reminders sent twice", goal: 0);
    }
}
