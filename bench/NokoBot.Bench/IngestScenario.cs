using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Bench;

/// <summary>
/// Replies persisted the way the update receiver commits them (the reply and the next offset in one transaction),
/// against bare single-row transactional inserts on the same file system.
/// </summary>
internal static class IngestScenario
{
    private const int Count = 5_000;

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("nokobot-bench-ingest-");
        try
        {
            var ceiling = await BareInsertsPerSecondAsync(Path.Combine(folder.FullName, "bare.db"));
            var db = new SqliteDatabase(Path.Combine(folder.FullName, "nokobot.db"));
            var time = TimeProvider.System;
            await new MigrationRunner(db, time).ApplyAsync(CancellationToken.None);
            var council = (await new CouncilStore(db, time).AddAsync("bench", "Совет", "Europe/Moscow", CancellationToken.None))!;
            var item = new PlanItem("1", null, "Пункт", ["Совет"], "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "протокол");
            await new PlanStore(db, time).ImportAsync(council.Id, 2020, "b.txt", "x", new PlanImport([item], []), CancellationToken.None);
            var itemId = (await new PlanStore(db, time).FindAsync(council.Id, 2020, CancellationToken.None))!.Items[0].Id;
            var state = new StateStore(db, time);

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Count; i++)
            {
                await using var connection = await db.OpenAsync(CancellationToken.None);
                await using var tx = await connection.BeginTransactionAsync();
                await ReplyStore.AppendAsync(connection, tx, new Reply(itemId, ReplyKind.Postponed, time.GetUtcNow(), "Совет", null, "bench", new DateOnly(2020, 7, 1)), CancellationToken.None);
                await state.SetAsync(connection, tx, "telegram.offset", (i + 1).ToString(CultureInfo.InvariantCulture), CancellationToken.None);
                await tx.CommitAsync();
            }
            watch.Stop();
            Report.Line("ingest.replies", Count / watch.Elapsed.TotalSeconds, "replies/s", ceiling, "bare single-row transactional inserts/s", goal: 0.5);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> BareInsertsPerSecondAsync(string path)
    {
        var db = new SqliteDatabase(path);
        await using (var setup = await db.OpenAsync(CancellationToken.None))
            await setup.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Count; i++)
        {
            await using var connection = await db.OpenAsync(CancellationToken.None);
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO t (v) VALUES (@v)", new { v = "x" }, tx);
            await tx.CommitAsync();
        }
        return Count / watch.Elapsed.TotalSeconds;
    }
}
