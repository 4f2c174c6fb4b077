using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Delivery;

/// <summary>
/// Several instances of the service over one database (a SQLite file, or PostgreSQL, where claims really run side by
/// side): two (or three) composition roots with their own instance ids and channels, racing or taking over each
/// other's claims, on the test's clock.
/// </summary>
public abstract class DeliveryLeaseTests(TestStorage storage) : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 22, 7, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;
    private readonly List<IHost> _hosts = [];
    private long _council;

    public async ValueTask InitializeAsync() => _db = await storage.CreateEmptyAsync(_ct);

    public ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) host.Dispose();
        _db.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Two_dispatchers_racing_over_200_due_rows_send_each_exactly_once()
    {
        var members = await SeedAsync(members: 200, items: 1);
        await EnqueueAsync(members, items: 1);
        var (a, b) = (new SlowChannel(), new SlowChannel());
        var (first, second) = (Dispatcher("a", a), Dispatcher("b", b));
        await BothLiveAsync(first, second);

        var sent = await Task.WhenAll(
            Task.Run(() => first.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct), _ct),
            Task.Run(() => second.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct), _ct));

        var reminders = a.Reminders.Concat(b.Reminders).ToList();
        Assert.Equal(200, reminders.Count);
        Assert.Equal(200, reminders.Distinct().Count());
        Assert.Equal(200, sent.Sum());
        Assert.True(a.Reminders.Count > 0 && b.Reminders.Count > 0, $"both sent: {a.Reminders.Count} and {b.Reminders.Count}");
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM deliveries WHERE status <> 'sent'"));
    }

    [Fact]
    public async Task One_members_grouped_message_is_never_split_between_instances()
    {
        // 150 members with three reminders each: more recipients than one claim takes, so both instances get some.
        var members = await SeedAsync(members: 150, items: 3);
        await EnqueueAsync(members, items: 3);
        var (a, b) = (new SlowChannel(), new SlowChannel());
        var (first, second) = (Dispatcher("a", a), Dispatcher("b", b));
        await BothLiveAsync(first, second);

        await Task.WhenAll(
            Task.Run(() => first.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct), _ct),
            Task.Run(() => second.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct), _ct));

        var messages = a.Messages.Concat(b.Messages).ToList();
        Assert.Equal(150, messages.Count);
        Assert.All(messages, m => Assert.Equal(3, m.Items.Count));
        Assert.Equal(150, messages.Select(m => m.To.MemberId).Distinct().Count());
        Assert.True(a.Messages.Count > 0 && b.Messages.Count > 0, $"both sent: {a.Messages.Count} and {b.Messages.Count}");
    }

    [Fact]
    public async Task A_recipient_another_instance_holds_is_not_claimed_so_its_message_stays_whole_and_spaced()
    {
        var members = await SeedAsync(members: 1, items: 2);
        var ledger = new DeliveryLedger(_db.Database, _time);
        await EnqueueAsync(members, items: 1);
        var now = _time.GetUtcNow();
        var first = Assert.Single(await ledger.ClaimAsync("a", now, now, now + TimeSpan.FromMinutes(5), 10, null, _ct));

        // Another reminder for the same member falls due while "a" holds the first one: "b" must not take it.
        await EnqueueAsync(members, items: 2);
        Assert.Empty(await ledger.ClaimAsync("b", now, now, now + TimeSpan.FromMinutes(5), 10, null, _ct));

        // "a" sends and writes its outcome: the lease stays on the sent row for the chat's spacing, then "b" may go.
        Assert.True(await ledger.MarkSentAsync(first.Key, "1", _ct, new DeliveryLedger.Claim("a", now + DispatchInstance.RecipientHold)));
        _time.Advance(DispatchInstance.RecipientHold - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await ledger.ClaimAsync("b", _time.GetUtcNow(), _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromMinutes(5), 10, null, _ct));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Single(await ledger.ClaimAsync("b", _time.GetUtcNow(), _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromMinutes(5), 10, null, _ct));
    }

    [Fact]
    public async Task A_dead_instances_claim_is_left_alone_until_its_lease_ends_then_sent_once()
    {
        var members = await SeedAsync(members: 20, items: 1);
        await EnqueueAsync(members, items: 1);
        var now = _time.GetUtcNow();
        // The dead instance claimed everything and never wrote an outcome.
        var claimed = await new DeliveryLedger(_db.Database, _time).ClaimAsync("dead", now, now, now + DispatchInstance.DefaultLease, 100, null, _ct);
        Assert.Equal(20, claimed.Count);
        var channel = new SlowChannel();
        var survivor = Dispatcher("survivor", channel);

        var before = await survivor.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);
        _time.Advance(DispatchInstance.DefaultLease - TimeSpan.FromSeconds(1));
        var justBefore = await survivor.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);
        var wake = (await Sweep(survivor).DispatchAsync(_ct)).Next;
        _time.Advance(TimeSpan.FromSeconds(1));
        var after = await survivor.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);
        var again = await survivor.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);

        Assert.Equal((0, 0, 20, 0), (before, justBefore, after, again));
        Assert.Equal(now + DispatchInstance.DefaultLease, wake); // the survivor wakes when the lease ends, not before
        Assert.Equal(20, channel.Reminders.Distinct().Count());
        Assert.Equal(20, channel.Reminders.Count);
    }

    [Theory]
    [InlineData("a process of this host that no longer runs")]
    [InlineData("this instance's earlier life (the same configured id)")]
    public async Task Claims_of_an_instance_certainly_gone_are_taken_over_at_once(string gone)
    {
        var members = await SeedAsync(members: 5, items: 1);
        await EnqueueAsync(members, items: 1);
        var now = _time.GetUtcNow();
        var previous = gone.StartsWith("a process", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-2147483646-0dead0") // no such pid
            : "noko-1";
        Assert.Equal(5, (await new DeliveryLedger(_db.Database, _time).ClaimAsync(previous, now, now, now + DispatchInstance.DefaultLease, 100, null, _ct)).Count);
        var channel = new SlowChannel();

        var sent = await Dispatcher("noko-1", channel).SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);

        Assert.Equal(5, sent);
        Assert.Equal(5, channel.Reminders.Distinct().Count());
    }

    [Fact]
    public async Task The_outcome_of_an_instance_whose_lease_was_taken_over_is_refused_and_the_rest_of_its_claim_not_sent()
    {
        var members = await SeedAsync(members: 2, items: 1);
        await EnqueueAsync(members, items: 1);
        var ledger = new DeliveryLedger(_db.Database, _time);
        var channel = new SlowChannel();
        // The first send hangs past the lease; meanwhile "b" takes over everything "a" claimed.
        channel.During = async _ =>
        {
            if (channel.Messages.Count > 1) return;
            _time.Advance(DispatchInstance.DefaultLease + TimeSpan.FromSeconds(1));
            var now = _time.GetUtcNow();
            Assert.Equal(2, (await ledger.ClaimAsync("b", now, now, now + DispatchInstance.DefaultLease, 10, null, _ct)).Count);
        };
        var slow = Dispatcher("a", channel);

        var sent = await slow.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);

        Assert.Equal(1, sent); // the first did go out (and is counted), but the ledger is "b"'s to write
        Assert.Single(channel.Messages); // the second was "b"'s before its turn came
        foreach (var member in members)
            Assert.Equal(("pending", "b", 0L), ((await RowAsync(member)).Status, (await RowAsync(member)).ClaimedBy, (await RowAsync(member)).Attempts));
        var row = await RowAsync(members[0]);
        Assert.False(await ledger.MarkSentAsync(row.Key, "ext", _ct, new DeliveryLedger.Claim("a", _time.GetUtcNow())));
        Assert.True(await ledger.MarkSentAsync(row.Key, "ext", _ct, new DeliveryLedger.Claim("b", _time.GetUtcNow())));
    }

    [Fact]
    public async Task A_crash_repeats_at_most_the_one_message_in_flight_however_many_were_claimed()
    {
        var members = await SeedAsync(members: 50, items: 1);
        await EnqueueAsync(members, items: 1);
        var dying = new SlowChannel();
        // The third message reaches Telegram, then the process dies before writing that it was sent.
        dying.During = _ => dying.Messages.Count == 3 ? throw new OperationCanceledException("process killed") : Task.CompletedTask;
        var crashed = Dispatcher("crashed", dying);
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            crashed.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct));
        Assert.Equal(50, await CountAsync("SELECT count(*) FROM deliveries WHERE claimed_by = 'crashed'"));

        var survivor = new SlowChannel();
        var next = Dispatcher("survivor", survivor);
        var whileLeased = await next.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);
        _time.Advance(DispatchInstance.DefaultLease);
        var afterLease = await next.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);

        Assert.Equal((0, 48), (whileLeased, afterLease));
        var all = dying.Reminders.Concat(survivor.Reminders).ToList();
        Assert.Equal(50, all.Distinct().Count());
        var repeated = Assert.Single(all.GroupBy(r => r), g => g.Count() > 1);
        Assert.Equal(dying.Reminders[^1], repeated.Key); // the one in flight when it died, and nothing else
    }

    [Fact]
    public async Task An_instance_joining_a_live_one_waits_two_heartbeats_before_sending_and_a_silent_one_drops_out_of_the_count()
    {
        var members = await SeedAsync(members: 2, items: 1);
        var (a, b) = (Dispatcher("a", new SlowChannel()), Dispatcher("b", new SlowChannel()));
        await a.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);
        await EnqueueAsync(members, items: 1);

        // "a" has not counted "b" yet and still takes the whole rate: "b" waits until it has, looking again each second.
        var joinedAt = _time.GetUtcNow();
        var joining = await Sweep(b).DispatchAsync(_ct);
        var both = _hosts[1].Get<DispatchInstance>().Live;
        _time.Advance(DispatchInstance.JoinQuiet);
        var joined = await b.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);
        _time.Advance(DispatchInstance.LiveWindow + TimeSpan.FromSeconds(1));
        await b.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), _time.GetUtcNow(), null, _ct);

        Assert.Equal((0, joinedAt + TimeSpan.FromSeconds(1)), (joining.Sent, joining.Next));
        Assert.Equal((2, 2), (both, joined));
        Assert.Equal(1, _hosts[1].Get<DispatchInstance>().Live);
    }

    [Fact]
    public async Task The_instance_id_comes_from_the_setting_or_is_hostname_pid_and_a_random_suffix()
    {
        await SeedAsync(members: 1, items: 1);
        var named = Dispatcher("noko-1", new SlowChannel());
        using var host = TestServices.Build(_db, _time, [new SlowChannel()]);
        var defaulted = host.Get<DeliveryDispatcher>().InstanceId;
        using var other = TestServices.Build(_db, _time, [new SlowChannel()]);

        Assert.Equal("noko-1", named.InstanceId);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-"), defaulted, StringComparison.Ordinal);
        Assert.NotEqual(defaulted, other.Get<DeliveryDispatcher>().InstanceId);
    }

    /// <summary>Both instances have been sending for a while (a newcomer waits two heartbeats before its first send).</summary>
    private async Task BothLiveAsync(DeliveryDispatcher first, DeliveryDispatcher second)
    {
        var later = _time.GetUtcNow() - TimeSpan.FromSeconds(1);
        await first.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), later, null, _ct);
        await second.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), later, null, _ct);
        _time.Advance(DispatchInstance.JoinQuiet);
    }

    private DeliveryDispatcher Dispatcher(string instance, IDeliveryChannel channel)
    {
        var host = TestServices.Build(_db, _time, [channel], new Dictionary<string, string?> { ["Service:InstanceId"] = instance });
        _hosts.Add(host);
        return host.Get<DeliveryDispatcher>();
    }

    private DeliverySweep Sweep(DeliveryDispatcher dispatcher) =>
        _hosts.Single(h => ReferenceEquals(h.Get<DeliveryDispatcher>(), dispatcher)).Get<DeliverySweep>();

    private List<long> _items = [];

    private async Task<IReadOnlyList<long>> SeedAsync(int members, int items)
    {
        await new MigrationRunner(_db.Database, _time).ApplyAsync(_ct);
        var plan = new PlanImport(
            [.. Enumerable.Range(1, items).Select(i => new PlanItem($"{i}", null, $"Мероприятие {i}", ["Общественный совет"], "", new UnscheduledDeadline(""), "протокол"))],
            []);
        _council = await TestCouncil.AddAsync(_db.Database, _time, "leases", "Europe/Moscow", 2026, plan, _ct);
        await using (var connection = await _db.Database.OpenAsync(_ct))
            _items = [.. await connection.QueryAsync<long>("SELECT id FROM plan_items ORDER BY position")];
        var ids = new List<long>();
        for (var i = 0; i < members; i++)
            ids.Add(await TestCouncil.AddMemberAsync(_db.Database, _council, $"Участник {i}", "member", 1000 + i, null, _ct, "Общественный совет"));
        return ids;
    }

    /// <summary>A «week ahead» reminder of each of the first <paramref name="items"/> items to each member, due now.</summary>
    private async Task EnqueueAsync(IReadOnlyList<long> members, int items)
    {
        var ledger = new DeliveryLedger(_db.Database, _time);
        var now = _time.GetUtcNow();
        foreach (var member in members)
            foreach (var item in _items.Take(items))
            {
                var recipient = string.Create(CultureInfo.InvariantCulture, $"member:{member}");
                var key = DeliveryKey.Create(DeliveryKey.ItemOccurrence(item, DateOnly.FromDateTime(now.UtcDateTime)), ReminderKind.Before, recipient, Channels.Telegram);
                await ledger.EnqueueAsync(new DeliveryRequest(key, _council, item, member, ReminderKind.Before, Channels.Telegram, recipient, now), _ct);
            }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(_ct);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private sealed record ClaimRow(string Key, string Status, string? ClaimedBy, long Attempts);

    private async Task<ClaimRow> RowAsync(long member)
    {
        await using var connection = await _db.Database.OpenAsync(_ct);
        return await connection.QuerySingleAsync<ClaimRow>(
            "SELECT key AS Key, status AS Status, claimed_by AS ClaimedBy, attempts AS Attempts FROM deliveries WHERE member_id = @member", new { member });
    }

    /// <summary>
    /// Records what it is handed, like the Bot API accepting it, and yields a real millisecond per send so that two
    /// dispatchers on the thread pool interleave. <see cref="During"/> runs after the message is recorded.
    /// </summary>
    private sealed class SlowChannel : IDeliveryChannel
    {
        private readonly ConcurrentQueue<ReminderMessage> _messages = new();

        public string Name => Channels.Telegram;

        public Func<OutgoingMessage, Task>? During { get; set; }

        public IReadOnlyList<ReminderMessage> Messages => [.. _messages];

        /// <summary>Each reminder sent, as (member, item number).</summary>
        public IReadOnlyList<(long? Member, string Item)> Reminders => [.. _messages.SelectMany(m => m.Items.Select(i => (m.To.MemberId, i.ItemNumber)))];

        public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
        {
            _messages.Enqueue((ReminderMessage)message);
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, ct);
            if (During is { } during) await during(message);
            return new SendOutcome.Sent("ext-" + _messages.Count);
        }
    }
}

public sealed class DeliveryLeaseTestsOnSqlite() : DeliveryLeaseTests(TestStorage.Sqlite);

public sealed class DeliveryLeaseTestsOnPostgres(PostgresServerFixture postgres) : DeliveryLeaseTests(TestStorage.Postgres(postgres));
