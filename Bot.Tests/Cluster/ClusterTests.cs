using System.Globalization;
using Dapper;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cluster;

/// <summary>
/// Three published <c>nokobot run</c> processes over one real PostgreSQL and the fake Bot API. In webhook mode (each
/// instance calls setWebhook; the fake, as a load balancer before them, posts each update to a live instance and to
/// another when that one fails, as Telegram resends until a 2xx). A burst of 1 000 reminders and 300 member replies;
/// the sending instance is killed with SIGKILL mid-burst, and the one that takes the sending over is killed the
/// moment it holds its first claims. The fake's record judges: nothing lost, each reply applied once, repeats within
/// the in-flight bound (one message per kill), no send breaking Telegram's limits. In polling mode, only the holder
/// of the polling lease polls; killed, it hands polling to another instance and no update is lost or handled twice.
/// </summary>
public sealed class ClusterTests(PostgresServerFixture postgres) : IAsyncDisposable
{
    private const int Members = 1000;
    private const int Replies = 300;
    private const long FirstChat = 70_000;
    private const string Secret = "cluster_Secret-token";
    private const int LeaseSeconds = 8;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly List<PublishedService> _nodes = [];
    private readonly Dictionary<string, int> _ports = [];
    private TempDatabase? _db;
    private FakeTelegramBotApi? _api;

    [Fact]
    public async Task Three_instances_send_each_reminder_once_apply_each_reply_once_and_survive_two_kills()
    {
        Assert.True(File.Exists(PublishedService.Dll), $"{PublishedService.Dll} is missing: build the solution (test.sh publishes it).");
        _api = await FakeTelegramBotApi.StartAsync(_ct);
        _api.EnforceLimits = true;
        // Three processes on two cores: arrivals at the fake jitter by more than the default 50 ms (as in the fault tests).
        // A budget not shared with the answering instances still shows: 14 sends over 30/s in one burst.
        _api.LimitSlack = TimeSpan.FromMilliseconds(150);
        _db = await TempDatabase.CreateMigratedPostgresAsync(postgres, _ct);
        var postponeItem = await ReminderBurst.SeedAsync(_db.Database, "zeya", Members, items: 1, FirstChat, _ct);
        for (var n = 1; n <= 3; n++) _nodes.Add(StartNode($"node-{n}"));
        await WaitAsync(() => _api.CallsTo("setWebhook").Count >= 3, "every instance set the webhook", TimeSpan.FromSeconds(60));

        var postponeTo = new DateOnly(DateTime.UtcNow.Year, 12, 31).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var replies = ReplyWhileSendingAsync(postponeItem, postponeTo);

        // Kill 1: mid-burst, the instance that is sending.
        await WaitAsync(() => Reminders().Count >= 150, "the burst under way", TimeSpan.FromSeconds(90));
        var first = await SenderAsync(except: null);
        await Node(first).KillAsync();
        var sentAtFirstKill = Reminders().Count;
        // Kill 2: the instance that takes the sending over, the moment it holds its first claims.
        var second = await SenderAsync(except: first);
        await Node(second).KillAsync();
        var sentAtSecondKill = Reminders().Count;
        Assert.True(sentAtSecondKill < Members, $"the second kill came after the burst ({sentAtSecondKill} sent)");

        await replies;
        await WaitAsync(() => Count("SELECT count(*) FROM deliveries WHERE status = 'pending'") == 0
            && Count("SELECT count(*) FROM replies") == Replies, "the burst and the replies handled by the last instance", TimeSpan.FromMinutes(4));

        var sent = Reminders();
        var distinct = sent.Distinct(StringComparer.Ordinal).Count();
        TestContext.Current.SendDiagnosticMessage(
            $"killed {first} at {sentAtFirstKill} sends and {second} at {sentAtSecondKill}; {distinct} reminders delivered, {sent.Count - distinct} repeated, " +
            $"{_api.LimitViolations} limit violations; webhook posts {_api.CallsTo("setWebhook").Count}");
        Assert.Equal(Members, distinct);
        Assert.InRange(sent.Count - distinct, 0, 2);
        Assert.True(_api.LimitViolations == 0,
            $"{_api.LimitViolations} sends broke Telegram's limits ({_api.PerChatViolations} a chat's, {_api.GroupViolations} a group's, the rest the bot's 30/s)");
        Assert.Equal(Members, Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"));

        var postponedBy = Query<long>("SELECT member_id FROM replies WHERE kind = 'postponed'");
        Assert.Equal(Replies, postponedBy.Count);
        Assert.Equal(Replies, postponedBy.Distinct().Count());
        Assert.All(Enumerable.Range(0, Replies), m => Assert.True(
            _api.TextsTo(FirstChat + m).Count(t => t.Contains("31.12", StringComparison.Ordinal)) <= 1, $"member {m} was answered twice"));
        Assert.All(_nodes, node => Assert.DoesNotContain(node.Output, line =>
            line.Contains(FakeTelegramBotApi.Token, StringComparison.Ordinal) || line.Contains(Secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Killing_the_instance_that_polls_hands_polling_to_another_and_each_update_is_handled_once()
    {
        Assert.True(File.Exists(PublishedService.Dll), $"{PublishedService.Dll} is missing: build the solution (test.sh publishes it).");
        const int Writers = 20;
        _api = await FakeTelegramBotApi.StartAsync(_ct);
        _db = await TempDatabase.CreateMigratedPostgresAsync(postgres, _ct);
        var item = await ReminderBurst.SeedAsync(_db.Database, "zeya", Writers, items: 0, FirstChat, _ct);
        for (var n = 1; n <= 3; n++) _nodes.Add(StartNode($"node-{n}", webhook: false));
        var postponeTo = new DateOnly(DateTime.UtcNow.Year, 12, 31).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        for (var m = 0; m < Writers / 2; m++) _api.PushText(FirstChat + m, $"/postpone {item} {postponeTo} до смены {m}");
        await WaitAsync(() => Count("SELECT count(*) FROM replies") == Writers / 2
            && Enumerable.Range(0, Writers / 2).All(m => _api.TextsTo(FirstChat + m).Any(t => t.Contains("31.12", StringComparison.Ordinal))),
            "the first half handled and answered", TimeSpan.FromSeconds(60));
        var pollers = _nodes.Where(n => n.Output.Any(l => l.Contains("this process holds the polling lease", StringComparison.Ordinal))).ToList();
        var poller = Assert.Single(pollers);

        await poller.KillAsync();
        for (var m = Writers / 2; m < Writers; m++) _api.PushText(FirstChat + m, $"/postpone {item} {postponeTo} после смены {m}");
        await WaitAsync(() => Count("SELECT count(*) FROM replies") == Writers && _api.PendingUpdates == 0,
            "the second half handled by the instance that took the lease over", TimeSpan.FromSeconds(60));

        var successor = Assert.Single(_nodes, n => n != poller && n.Output.Any(l => l.Contains("this process holds the polling lease", StringComparison.Ordinal)));
        TestContext.Current.SendDiagnosticMessage($"{poller.Name} polled first, {successor.Name} took over");
        Assert.Equal(Writers, Query<long>("SELECT DISTINCT member_id FROM replies WHERE kind = 'postponed'").Count);
        Assert.All(Enumerable.Range(0, Writers), m => Assert.Equal(1,
            _api.TextsTo(FirstChat + m).Count(t => t.Contains("31.12", StringComparison.Ordinal))));
        var offsets = _api.PollOffsets;
        Assert.Equal(offsets.Order(), offsets);
    }

    /// <summary>
    /// Each of the first <see cref="Replies"/> members answers their reminder a little after it arrived (a person reads
    /// first): the update goes to a random live instance, to another when that one fails; a tenth of them are posted
    /// twice at once to two instances, as Telegram does when an answer to its post is lost.
    /// </summary>
    private async Task ReplyWhileSendingAsync(string item, string postponeTo)
    {
        var random = new Random(1201);
        var waiting = new Queue<int>(Enumerable.Range(0, Replies));
        var posts = new List<Task>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            var member = waiting.Peek();
            if (_api!.ButtonMessages().Any(m => m.ChatId == FirstChat + member && DateTimeOffset.UtcNow - m.At > TimeSpan.FromSeconds(1.2)))
            {
                waiting.Dequeue();
                var update = _api.PushText(FirstChat + member, $"/postpone {item} {postponeTo} перенос {member}");
                posts.Add(PostAsync(update, random.Next()));
                if (member % 10 == 0) posts.Add(PostAsync(update, random.Next()));
                continue;
            }
            await Task.Delay(20, _ct);
        }
        await Task.WhenAll(posts);
        Assert.Empty(waiting);
    }

    /// <summary>Posts an update as Telegram does to a webhook: until some instance answers 2xx.</summary>
    private async Task PostAsync(int update, int seed)
    {
        var random = new Random(seed);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var live = _nodes.Where(n => !n.HasExited).ToList();
            var node = live[random.Next(live.Count)];
            try
            {
                var status = await _api!.DeliverAsync(update, _ct, url: $"http://127.0.0.1:{_ports[node.Name]}/telegram/updates");
                if ((int)status is >= 200 and < 300) return;
            }
            catch (HttpRequestException)
            {
                // That instance is gone: Telegram tries again.
            }
            await Task.Delay(500, _ct);
        }
        throw new TimeoutException($"no instance took update {update}");
    }

    /// <summary>The instance holding live claims on deliveries: the one sending now.</summary>
    private async Task<string> SenderAsync(string? except)
    {
        string? sender = null;
        await WaitAsync(() =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            sender = Query<string>(
                $"SELECT claimed_by FROM deliveries WHERE status = 'pending' AND claimed_until > {now} AND claimed_by IS NOT NULL LIMIT 1")
                .FirstOrDefault(id => id != except && _ports.ContainsKey(id));
            return sender is not null;
        }, except is null ? "an instance sending" : $"another instance than {except} sending", TimeSpan.FromSeconds(90));
        return sender!;
    }

    private PublishedService Node(string name) => _nodes.Single(n => n.Name == name);

    private PublishedService StartNode(string name, bool webhook = true)
    {
        var db = _db!;
        var port = SmtpServerFixture.FreePort();
        _ports[name] = port;
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = db.ConnectionString!,
            ["Storage__Path"] = db.Path,
            ["Service__InstanceId"] = name,
            ["Service__DeliveryLeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
            ["Scheduling__Cluster__CheckinInterval"] = "00:00:02",
            ["Scheduling__Cluster__CheckinMisfireThreshold"] = "00:00:04",
            ["Web__Urls"] = $"http://127.0.0.1:{port}",
            ["Telegram__BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram__ApiBaseUrl"] = _api!.BaseUrl,
            ["Telegram__BotUsername"] = FakeTelegramBotApi.BotUsername,
            ["Calendar__Path"] = RepoPaths.Of("config", "calendar", "ru.txt"),
        };
        if (webhook)
        {
            settings["Telegram__Mode"] = "Webhook";
            settings["Telegram__WebhookUrl"] = $"http://127.0.0.1:{port}/telegram/updates";
            settings["Telegram__WebhookSecret"] = Secret;
        }
        else
        {
            settings["Telegram__Mode"] = "Polling";
            settings["Telegram__PollTimeoutSeconds"] = "1";
            settings["Telegram__PollingLeaseSeconds"] = "1";
        }
        return PublishedService.Start(name, db.Folder, ["run"], settings);
    }

    /// <summary>The reminders the fake accepted, by their button (one per delivery), in the order they came.</summary>
    private List<string> Reminders() => [.. _api!.ButtonMessages().Select(m => m.ButtonData)];

    private async Task WaitAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        try
        {
            await Eventually.TrueAsync(condition, what, timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "; the instances printed:\n" + string.Join('\n', _nodes.Select(n => n.Tail())), e);
        }
    }

    private long Count(string sql) => Query<long>(sql).Single();

    private List<T> Query<T>(string sql)
    {
        using var connection = _db!.Database.OpenAsync(_ct).GetAwaiter().GetResult();
        return [.. connection.Query<T>(sql)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        _db?.Dispose();
    }
}
