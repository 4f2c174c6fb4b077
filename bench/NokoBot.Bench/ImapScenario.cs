using System.Diagnostics;
using System.Globalization;
using Dapper;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using MimeKit;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Inbox;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Bench;

/// <summary>
/// 1 000 reply letters («Готово N» / «Перенос N 15.09 …» from 100 email members of one council) waiting in a real
/// Dovecot mailbox on loopback, read by the service's own inbox reader (<see cref="InboxReader"/>: fetch, parse, decide,
/// record with the reply and the queued answer in one transaction, flag and move) → letters handled per second,
/// against a bare IMAP read of the same letters by the same client calls (search; per 100 letters the envelopes, then
/// the bodies in one FETCH); and, to show where part of the difference goes, flagging and moving them alone.
/// Answers are queued in the outbox, not sent: sending is the dispatch scenario's.
/// </summary>
internal static class ImapScenario
{
    private const int Letters = 1_000;
    private const int Members = 100;
    private const int Items = 10;
    private const int Warmup = 100;

    public static async Task RunAsync()
    {
        var ct = CancellationToken.None;
        var folder = Directory.CreateTempSubdirectory("nokobot-bench-imap-");
        await using var imap = await ImapServerFixture.StartAsync(ct);
        try
        {
            var time = new ShiftedClock(new DateTimeOffset(2020, 6, 10, 12, 0, 0, TimeSpan.FromHours(3)));
            var database = Path.Combine(folder.FullName, "nokobot.db");
            await SeedAsync(database, time);
            // A first round of 100 letters warms both paths up (JIT, connection pools); the second is measured.
            await imap.AppendAllAsync(Enumerable.Range(0, Warmup).Select(i => Letter(Letters + i)), ct);
            await BareReadSecondsAsync(imap, Warmup);
            await HandledSecondsAsync(imap, database, time, Warmup);
            await imap.AppendAllAsync(Enumerable.Range(0, Letters).Select(Letter), ct);

            var bare = await BareReadSecondsAsync(imap, Letters);
            var handled = await HandledSecondsAsync(imap, database, time, Warmup + Letters);
            await imap.AppendAllAsync(Enumerable.Range(0, Letters).Select(Letter), ct);
            var move = await MoveSecondsAsync(imap);
            Report.Line("imap.handled", Letters / handled, "letters/s", Letters / bare, "bare IMAP read of the same letters/s", goal: 0.5);
            Report.Line("imap.flag_and_move", Letters / move, "letters/s (\\Seen and MOVE alone, in batches of 100, as the reader does)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task SeedAsync(string database, TimeProvider time)
    {
        using var setup = BenchHost.Build(database, time);
        await setup.Get<MigrationRunner>().ApplyAsync(CancellationToken.None);
        var september = new WindowDeadline("сентябрь", new(2020, 9, 1), new(2020, 9, 30));
        var plan = new PlanImport(
            [.. Enumerable.Range(1, Items).Select(i => new PlanItem($"{i}", null, $"Мероприятие {i}", [ServiceRig.Party], "сентябрь", september, "протокол"))], []);
        var council = (await setup.Get<CouncilStore>().AddAsync("bench", "Общественный совет bench", "Europe/Moscow", CancellationToken.None))!;
        await setup.Get<PlanStore>().ImportAsync(council.Id, 2020, "bench.txt", "bench", plan, CancellationToken.None);
        for (var m = 0; m < Members; m++)
            await setup.Get<MemberDirectory>().AddAsync(council.Id, $"Член {m}", MemberRole.Member, null, Address(m), [ServiceRig.Party], CancellationToken.None);
    }

    private static string Address(int member) => string.Create(CultureInfo.InvariantCulture, $"member{member}@school.example");

    private static MimeMessage Letter(int i)
    {
        var item = 1 + i % Items;
        var command = i % 2 == 0 ? $"Готово {item} всё сделано" : $"Перенос {item} 15.09 ждём оператора";
        var letter = new MimeMessage { Subject = "Re: Напоминание", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("school.example") };
        letter.From.Add(MailboxAddress.Parse(Address(i % Members)));
        letter.To.Add(MailboxAddress.Parse(ImapServerFixture.User));
        letter.Body = new TextPart("plain") { Text = $"{command}\n\nС уважением,\nчлен совета\n\n> Напоминание: п. {item} — срок до 30.09.2020\n" };
        return letter;
    }

    /// <summary>
    /// The reader's own IMAP calls without the handling: search, then per 100 letters their envelopes and sizes and
    /// their bodies in one FETCH, each body parsed (as GetMessageAsync would) — the fastest plain read of them.
    /// </summary>
    private static async Task<double> BareReadSecondsAsync(ImapServerFixture imap, int expected)
    {
        var ct = CancellationToken.None;
        using var client = await imap.ConnectAsync(ct);
        var watch = Stopwatch.StartNew();
        var inbox = (ImapFolder)client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var uids = await inbox.SearchAsync(SearchQuery.All, ct);
        var read = 0;
        foreach (var batch in uids.Chunk(100))
        {
            var summaries = await inbox.FetchAsync(batch, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct);
            await inbox.GetStreamsAsync([.. summaries.Select(s => s.UniqueId)], (_, _, _, stream, token) =>
            {
                _ = MimeMessage.Load(stream, token);
                read++;
                return Task.CompletedTask;
            }, ct);
        }
        watch.Stop();
        if (read != expected) throw new InvalidOperationException($"read {read} letters, expected {expected}");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Where part of the difference goes: flagging and moving the same number of letters alone.</summary>
    private static async Task<double> MoveSecondsAsync(ImapServerFixture imap)
    {
        var ct = CancellationToken.None;
        using var client = await imap.ConnectAsync(ct);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var done = await client.GetFolderAsync("Handled", ct);
        var uids = await inbox.SearchAsync(SearchQuery.All, ct);
        var watch = Stopwatch.StartNew();
        foreach (var batch in uids.Chunk(100))
        {
            await inbox.AddFlagsAsync(batch, MessageFlags.Seen, true, ct);
            await inbox.MoveToAsync(batch, done, ct);
        }
        watch.Stop();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>From the service's start (connect and log in included) until every letter is recorded with its effects (<paramref name="total"/> recorded in all).</summary>
    private static async Task<double> HandledSecondsAsync(ImapServerFixture imap, string database, TimeProvider time, int total)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Enabled"] = "true", ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = "25", ["Smtp:Security"] = "None", ["Smtp:From"] = "noko@example.org",
            ["Imap:Enabled"] = "true", ["Imap:Host"] = "127.0.0.1", ["Imap:Port"] = imap.Port.ToString(CultureInfo.InvariantCulture),
            ["Imap:Security"] = "None", ["Imap:User"] = ImapServerFixture.User, ["Imap:Password"] = ImapServerFixture.Password, ["Imap:DoneFolder"] = "Handled",
        };
        // The CLI's root (no scheduler: answers stay queued) with the service's inbox reader.
        var builder = BenchHost.CreateBuilder(database, time, settings);
        builder.Services.AddInbox(builder.Configuration);
        using var host = builder.Build();
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        using var watcher = await imap.ConnectAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await host.StartAsync();
        long handled;
        while ((handled = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inbound_letters")) < total)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"{handled} of {total} letters handled in 5 minutes");
            await Task.Delay(20);
        }
        var recordedAt = watch.Elapsed.TotalSeconds;
        // Handled means moved away too.
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await watcher.Inbox.StatusAsync(StatusItems.Count);
            if (watcher.Inbox.Count == 0) break;
            await Task.Delay(20);
        }
        watch.Stop();
        await host.StopAsync();
        var answers = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM deliveries WHERE kind = 'answer'");
        var replies = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM replies");
        await Console.Error.WriteLineAsync($"imap: {handled} letters recorded, {replies} replies, {answers} answers queued in {recordedAt:0.00} s, all moved away at {watch.Elapsed.TotalSeconds:0.00} s");
        return watch.Elapsed.TotalSeconds;
    }
}
