using System.Globalization;
using Dapper;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Reliability;

/// <summary>
/// The published <c>nokobot run</c> as a separate process, killed with SIGKILL at random moments of a burst of
/// 1 000 reminders (to 1 000 members: one message each) and started again, ten times. The fake Bot API's record judges: nothing lost, at most one
/// repeat per kill (the one send that may be in flight), and what members wrote while it was down is handled once.
/// </summary>
public sealed class CrashTests : IAsyncDisposable
{
    private const int Members = 1000;
    private const int Items = 1;
    private const int Kills = 10;
    private const long FirstChat = 90_000;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDatabase _db = new();
    private FakeTelegramBotApi? _api;
    private readonly List<string> _printed = [];
    private PublishedService? _service;

    [Fact]
    public async Task Killing_the_service_mid_burst_loses_nothing_repeats_at_most_one_send_per_kill_and_handles_each_update_once()
    {
        Assert.True(File.Exists(PublishedService.Dll), $"{PublishedService.Dll} is missing: build the solution (test.sh publishes it).");
        _api = await FakeTelegramBotApi.StartAsync(_ct);
        var postponeItem = await SeedAsync();
        var random = new Random(1130);
        // How many reminders the fake had accepted when each kill came: a repeat belongs to the run that first sent it.
        var sentAtKill = new List<int>();
        var pendingAtKill = new List<long>();
        var postponeTo = new DateOnly(DateTime.UtcNow.Year, 12, 31).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        for (var kill = 0; kill < Kills; kill++)
        {
            var before = _api.CallsTo("sendMessage").Count;
            _service = StartService();
            await WaitAsync(() => _api.CallsTo("sendMessage").Count > before, $"sends after start {kill + 1}", TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 2500)), _ct);
            await _service.KillAsync();
            sentAtKill.Add(_api.ButtonMessages().Count);
            // The kill landed mid-burst: reminders were still waiting in the ledger and had not all reached the fake.
            var pending = Count("SELECT count(*) FROM deliveries WHERE status = 'pending'");
            pendingAtKill.Add(pending);
            var delivered = _api.ButtonMessages().Select(m => m.ButtonData).Distinct(StringComparer.Ordinal).Count();
            Assert.True(pending > 0 && delivered < Members * Items,
                $"kill {kill + 1} came after the burst: {pending} deliveries pending, {delivered} of {Members * Items} reminders delivered");
            _printed.AddRange(_service.Output);
            await _service.DisposeAsync();
            _service = null;
            // Written while the service is down: Telegram keeps it until the next getUpdates confirms it.
            _api.PushText(FirstChat + kill, $"/postpone {postponeItem} {postponeTo} перенос во время простоя {kill}");
        }
        _service = StartService();
        await WaitAsync(() => Count("SELECT count(*) FROM deliveries WHERE status = 'pending'") == 0
            && Count("SELECT count(*) FROM replies") == Kills, "the burst and the updates handled", TimeSpan.FromMinutes(3));

        var sent = _api.ButtonMessages().Select(m => m.ButtonData).ToList();
        var distinct = sent.Distinct(StringComparer.Ordinal).Count();
        var duplicates = sent.Count - distinct;
        TestContext.Current.SendDiagnosticMessage(
            $"{Kills} kills: {distinct} reminders delivered, {duplicates} repeated; pending at each kill: {string.Join(", ", pendingAtKill)}");
        Assert.Equal(Members * Items, distinct);
        Assert.InRange(duplicates, 0, Kills);
        var repeatsPerKill = sent.Select((data, index) => (data, index))
            .GroupBy(s => s.data, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => sentAtKill.FindIndex(at => g.First().index < at))
            .GroupBy(kill => kill).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(repeatsPerKill, r => Assert.True(r.Key >= 0 && r.Value <= 1, $"kill {r.Key + 1} repeated {r.Value} reminders"));
        Assert.Equal(Members * Items, Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"));

        var postponedBy = Query<long>("SELECT member_id FROM replies WHERE kind = 'postponed'");
        Assert.Equal(Kills, postponedBy.Count);
        Assert.Equal(Kills, postponedBy.Distinct().Count());
        Assert.All(Enumerable.Range(0, Kills), k => Assert.True(
            _api.TextsTo(FirstChat + k).Count(t => t.Contains("31.12", StringComparison.Ordinal)) <= 1, $"member {k} answered twice"));
        Assert.Equal(0, _api.PendingUpdates);
        Assert.DoesNotContain(_printed.Concat(_service.Output), line => line.Contains(FakeTelegramBotApi.Token, StringComparison.Ordinal));
    }

    /// <returns>The number of the item members postpone during the outages.</returns>
    private async Task<string> SeedAsync()
    {
        await new MigrationRunner(_db.Database, TimeProvider.System).ApplyAsync(_ct);
        return await ReminderBurst.SeedAsync(_db.Database, "desnogorsk", Members, Items, FirstChat, _ct);
    }

    private PublishedService StartService() => PublishedService.Start("nokobot", _db.Folder, ["run", "--db", _db.Path], new Dictionary<string, string>
    {
        ["Telegram__BotToken"] = FakeTelegramBotApi.Token,
        ["Telegram__ApiBaseUrl"] = _api!.BaseUrl,
        ["Telegram__BotUsername"] = FakeTelegramBotApi.BotUsername,
        ["Telegram__PollTimeoutSeconds"] = "1",
        ["Calendar__Path"] = RepoPaths.Of("config", "calendar", "ru.txt"),
    });

    /// <summary>Waits, and on a time-out says what the service printed last.</summary>
    private async Task WaitAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        try
        {
            await Eventually.TrueAsync(condition, what, timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "; the service printed:\n" + _service?.Tail(), e);
        }
    }

    private long Count(string sql) => Query<long>(sql).Single();

    private List<T> Query<T>(string sql)
    {
        using var connection = _db.Database.OpenAsync(_ct).GetAwaiter().GetResult();
        return [.. connection.Query<T>(sql)];
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        _db.Dispose();
    }
}
