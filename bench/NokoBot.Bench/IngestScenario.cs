using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Storage;
using NokoBot.Telegram;
using NokoBot.Tests.Support;

namespace NokoBot.Bench;

/// <summary>
/// 50 000 updates from 5 000 members of 500 councils — /done, /postpone and «+7 дней» presses — waiting at the fake
/// Bot API and fed through the real update receiver (route, commit with the offset, answer) → replies persisted per
/// second, against bare single-row transactional inserts on the same file system. The commit step alone (a reply
/// and the next offset in one transaction) is measured too, to show where the time goes.
/// </summary>
internal static class IngestScenario
{
    private const int Councils = 500;
    private const int MembersPerCouncil = 10;
    private const int UpdatesPerMember = 10;
    private const int Items = 10;
    private const int CommitPathCount = 5_000;

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("nokobot-bench-ingest-");
        try
        {
            var ceiling = await BareInsertsPerSecondAsync(Path.Combine(folder.FullName, "bare.db"));
            var (replies, updates, seconds) = await ThroughReceiverAsync();
            Report.Line("ingest.receiver.replies", replies / seconds, "replies/s", ceiling, "bare single-row transactional inserts/s", goal: 0.5);
            Report.Line("ingest.receiver.updates", updates / seconds, $"updates/s ({updates} updates, {replies} replies persisted)");
            Report.Line("ingest.commit_path", await CommitPathPerSecondAsync(folder.FullName), "replies/s", ceiling, "bare single-row transactional inserts/s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(long Replies, int Updates, double Seconds)> ThroughReceiverAsync()
    {
        var time = new ShiftedClock(new DateTimeOffset(2020, 6, 10, 12, 0, 0, TimeSpan.FromHours(3)));
        await using var rig = await ServiceRig.CreateEmptyAsync(time);
        var june = new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30));
        var plan = new PlanImport(
            [.. Enumerable.Range(1, Items).Select(i => new PlanItem($"{i}", null, $"Мероприятие {i}", ["Общественный совет"], "июнь", june, "протокол"))], []);
        var members = new List<(long UserId, long MemberId, IReadOnlyList<long> Items)>();
        for (var c = 0; c < Councils; c++)
        {
            var council = await rig.AddCouncilAsync($"c{c}", plan, 2020);
            var items = await rig.ItemIdsAsync(council);
            var first = 5_000_000L + c * MembersPerCouncil;
            var ids = await rig.AddMembersAsync(MembersPerCouncil, first, council);
            members.AddRange(ids.Select((id, m) => (first + m, id, items)));
        }
        // Round after round, every member writes once: mostly postponements (each persists a reply), some /done.
        var last = 0;
        for (var round = 0; round < UpdatesPerMember; round++)
            foreach (var (userId, memberId, items) in members)
            {
                var number = (round % Items) + 1;
                last = (round % 5) switch
                {
                    0 => rig.Api.PushText(userId, $"/done {number}"),
                    1 or 2 => rig.Api.PushText(userId, $"/postpone {number} 15.07.2020 перенос заседания"),
                    _ => rig.Api.PushCallback(userId, ReminderButtons.Data(ButtonAction.PlusWeek, items[number - 1], memberId), 1000 + round),
                };
            }

        var watch = Stopwatch.StartNew();
        await rig.StartAsync(1_000_000);
        var state = rig.Get<StateStore>();
        while (await state.GetAsync(StateKeys.TelegramOffset, CancellationToken.None) != (last + 1).ToString(CultureInfo.InvariantCulture))
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(6)) throw new TimeoutException("the updates were not all handled in 6 minutes");
            await Task.Delay(20);
        }
        watch.Stop();
        return (await rig.CountAsync("SELECT count(*) FROM replies"), members.Count * UpdatesPerMember, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The receiver's commit alone: a reply and the next offset in one transaction.</summary>
    private static async Task<double> CommitPathPerSecondAsync(string folder)
    {
        var time = TimeProvider.System;
        using var host = BenchHost.Build(Path.Combine(folder, "nokobot.db"), time);
        await host.Get<MigrationRunner>().ApplyAsync(CancellationToken.None);
        var council = (await host.Get<CouncilStore>().AddAsync("bench", "Совет", "Europe/Moscow", CancellationToken.None))!;
        var item = new PlanItem("1", null, "Пункт", ["Совет"], "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "протокол");
        var plans = host.Get<PlanStore>();
        await plans.ImportAsync(council.Id, 2020, "b.txt", "x", new PlanImport([item], []), CancellationToken.None);
        var itemId = (await plans.FindAsync(council.Id, 2020, CancellationToken.None))!.Items[0].Id;
        var db = host.Get<Database>();
        var state = host.Get<StateStore>();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < CommitPathCount; i++)
        {
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await using var tx = await connection.BeginTransactionAsync();
            await ReplyStore.AppendAsync(connection, tx, new Reply(itemId, ReplyKind.Postponed, time.GetUtcNow(), "Совет", null, "bench", new DateOnly(2020, 7, 1)), CancellationToken.None);
            await state.SetAsync(connection, tx, StateKeys.TelegramOffset, (i + 1).ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            await tx.CommitAsync();
        }
        watch.Stop();
        return CommitPathCount / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> BareInsertsPerSecondAsync(string path)
    {
        var db = new SqliteDatabase(path);
        await using (var setup = await db.OpenAsync(CancellationToken.None))
            await setup.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < CommitPathCount; i++)
        {
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO t (v) VALUES (@v)", new { v = "x" }, tx);
            await tx.CommitAsync();
        }
        return CommitPathCount / watch.Elapsed.TotalSeconds;
    }
}
