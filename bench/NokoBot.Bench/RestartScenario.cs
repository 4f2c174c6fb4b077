using System.Diagnostics;
using System.Globalization;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Tests.Support;

namespace NokoBot.Bench;

/// <summary>
/// The service was down for the hour in which 10 000 reminder messages fell due: 10 items due at the end of June, each
/// for a party of its own with 1 000 members, announced a week ahead in the Monday weekly message — one item per
/// member, so one message each. It starts → seconds until every one is handled (planned by the sweep, written to the
/// ledger, sent), and how many went out twice. The Bot API's limits are lifted here: at Telegram's 30 messages/s the
/// same backlog takes 10 000 / 30 ≈ 333 s whatever the service does.
/// </summary>
/// <remarks>
/// Before the one-message rule this was 1 000 members × 10 items of one party: now that is 1 000 messages of ten
/// items each, so the members were spread over ten parties to keep 10 000 messages.
/// </remarks>
internal static class RestartScenario
{
    private const int Items = 10;
    private const int MembersPerItem = 1_000;
    private const int Messages = Items * MembersPerItem;

    public static async Task RunAsync()
    {
        // A Monday at the council's reminder hour: the weekly message, with each item's week-ahead announcement.
        var dueAt = new DateTimeOffset(2020, 6, 22, 10, 0, 0, TimeSpan.FromHours(3));
        var time = new ShiftedClock(dueAt + TimeSpan.FromSeconds(30));
        var june = new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30));
        var plan = new PlanImport(
            [.. Enumerable.Range(1, Items).Select(i => new PlanItem($"{i}", null, $"Мероприятие {i}", [PartyOf(i)], "июнь", june, "протокол"))], []);
        await using var rig = await ServiceRig.CreateAsync(time, plan, 2020);
        for (var i = 1; i <= Items; i++)
            await rig.AddMembersAsync(MembersPerItem, 3_000_000 + i * MembersPerItem, party: PartyOf(i));
        await rig.MarkSweptUntilAsync(dueAt - TimeSpan.FromHours(1));

        var watch = Stopwatch.StartNew();
        await rig.StartAsync(1_000_000);
        TimeSpan? written = null;
        while (await rig.CountAsync("SELECT count(*) FROM deliveries WHERE status <> 'pending'") < Messages)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("the backlog was not handled in 5 minutes");
            if (written is null && await rig.CountAsync("SELECT count(*) FROM deliveries") >= Messages) written = watch.Elapsed;
            await Task.Delay(50);
        }
        watch.Stop();
        var accepted = rig.AcceptedReminders();
        var duplicates = accepted.Count - rig.Api.CallsTo("sendMessage").Select(c => c.Body.ToJsonString()).Distinct(StringComparer.Ordinal).Count();
        Report.Line("restart.backlog_handled", watch.Elapsed.TotalSeconds, "s", goal: 30);
        Report.Line("restart.ledger_written", (written ?? watch.Elapsed).TotalSeconds, "s (start → every delivery in the ledger, polled every 50 ms)");
        Report.Line("restart.sent", accepted.Count, "messages (one item each)", Messages, "messages that fell due while down");
        Report.Line("restart.ledger_rows", await rig.CountAsync("SELECT count(*) FROM deliveries"), "deliveries written");
        Report.Line("restart.duplicates", duplicates, "messages sent twice", goal: 0);
    }

    private static string PartyOf(int item) => string.Create(CultureInfo.InvariantCulture, $"Комиссия {item}");
}
