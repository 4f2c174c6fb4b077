using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Hosting;
using NokoBot.Replies;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Scheduling;

/// <summary>
/// The real <c>nokobot run</c> host on a fake clock with five councils, each with item 4 due 30.06 and one member:
/// each council is planned by its own trigger, a reply re-plans its council alone, start-up reads no plan.
/// </summary>
public abstract class CouncilSchedulingTests(TestStorage storage) : IDisposable
{
    private const int Councils = 5;
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private TempDatabase _db = null!;
    // Monday 29.06.2020 09:00 Moscow: the day-before reminder of item 4 is due at 10:00.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 29, 9, 0, 0, Msk));
    private readonly RecordingChannel _telegram = new(Channels.Telegram);
    private readonly List<long> _councils = [];

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_reply_re_plans_its_council_alone_and_reads_no_other_councils_snapshot()
    {
        await SeedAsync();
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(logs);
        await host.StartAsync(_ct);
        await Eventually.TrueAsync(() => PlanLines(logs).Count == Councils, "every new council planned at start");
        var snapshots = host.Services.GetRequiredService<CouncilSnapshotStore>();
        var loadsBefore = snapshots.Loads;

        var council = (await host.Services.GetRequiredService<CouncilStore>().FindAsync(_councils[2], _ct))!;
        var member = await MemberIdAsync(council.Id);
        var outcome = await host.Services.GetRequiredService<ReplyService>().ApplyAsync(
            council, new Actor(member, MemberRole.Member, ["Общественный совет"]), new ReplyRequest.Done("4", null), _ct);
        Assert.True(outcome.Accepted, "the reply was recorded");
        // The council was planned this very second (the clock stands still): its re-plan waits for the second to end.
        _time.Advance(QuartzPlanChanges.Coalesce);

        await Eventually.TrueAsync(() => PlanLines(logs).Count == Councils + 1, "the replying council re-planned");
        await Task.Delay(200, _ct); // room for any other plan the reply might (wrongly) have caused
        var after = PlanLines(logs).Skip(Councils).ToList();
        Assert.Equal([$"Council {council.Id} planned"], after.Select(l => l[(l.IndexOf("Council ", StringComparison.Ordinal))..(l.IndexOf(':', l.IndexOf("Council ", StringComparison.Ordinal)))]));
        // The reply's own decision read its council once, the re-plan once; a sweep would have read all five.
        Assert.Equal(2, snapshots.Loads - loadsBefore);

        // Its day-before reminder no longer goes out; the other four do.
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 10, 0, 0, Msk));
        await Eventually.TrueAsync(() => _telegram.Reminders.Count == Councils - 1, "the four other councils' reminders");
        await host.StopAsync(_ct);
        Assert.DoesNotContain(_telegram.Reminders, r => r.To.Name == NameOf(council.Id));
    }

    [Fact]
    public async Task Start_up_reads_no_councils_snapshot_and_a_restart_after_downtime_catches_up_once()
    {
        await SeedAsync();
        using (var first = BuildHost(new CapturingLoggerProvider()))
        {
            await first.StartAsync(_ct);
            await Eventually.TrueAsync(() => CountAsync("SELECT count(*) FROM council_schedule").GetAwaiter().GetResult() == Councils, "every council scheduled");
            await first.StopAsync(_ct);
        }

        // Down from 09:00 to 11:30: the 10:00 reminders fell due meanwhile, within the catch-up grace.
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 11, 30, 0, Msk));
        var logs = new CapturingLoggerProvider();
        using (var restarted = BuildHost(logs))
        {
            var snapshots = restarted.Services.GetRequiredService<CouncilSnapshotStore>();
            await restarted.StartAsync(_ct);
            // In memory every trigger is set again from its stored instant, in the past; a clustered store (PostgreSQL)
            // kept the triggers themselves, just as past — all but one whose plan the first host's stop cut short, which
            // is set again from its stored instant. Either way each fires at once, and no council is new.
            if (Clustered)
                Assert.Contains(logs.Lines, l => l.Contains($"Scheduled {Councils} councils: ", StringComparison.Ordinal)
                    && l.Contains("kept from the store, the others from their stored instants (0 new, planned now;", StringComparison.Ordinal));
            else
                Assert.Contains(logs.Lines, l => l.Contains(
                    $"Scheduled {Councils} councils: 0 kept from the store, the others from their stored instants (0 new, planned now; {Councils} due now)",
                    StringComparison.Ordinal));

            // Each council's trigger was in the past: it fires at once and the council catches up from its own mark.
            await Eventually.TrueAsync(() => _telegram.Reminders.Count == Councils, "every council's missed reminder");
            await Eventually.TrueAsync(() => CountAsync("SELECT count(*) FROM deliveries WHERE status = 'sent' AND late = 1").GetAwaiter().GetResult() == Councils,
                "each sent once, marked late");
            Assert.True(snapshots.Loads >= Councils);
            await restarted.StopAsync(_ct);
        }

        // Started again: nothing due in between, so start-up reads nothing and nothing is repeated when the councils' triggers fire.
        var quiet = new CapturingLoggerProvider();
        using (var again = BuildHost(quiet))
        {
            await again.StartAsync(_ct);
            var snapshots = again.Services.GetRequiredService<CouncilSnapshotStore>();
            Assert.Contains(quiet.Lines, l => l.Contains(
                $"Scheduled {Councils} councils: {(Clustered ? Councils : 0)} kept from the store, the others from their stored instants (0 new, planned now; 0 due now)",
                StringComparison.Ordinal));
            await Eventually.TrueAsync(() => quiet.Lines.Any(l => l.Contains("Dispatch: 0 sent", StringComparison.Ordinal)), "the start-up dispatch");
            Assert.Equal(0, snapshots.Loads);

            _time.Advance(CouncilTriggers.IdleInterval);
            await Eventually.TrueAsync(() => PlanLines(quiet).Count == Councils, "every council planned by its own trigger");
            await again.StopAsync(_ct);
        }
        Assert.Equal(Councils, _telegram.Reminders.Count);
    }

    [Fact]
    public async Task A_council_added_while_the_service_runs_is_scheduled_within_a_minute()
    {
        await SeedAsync();
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(logs);
        await host.StartAsync(_ct);
        await Eventually.TrueAsync(() => PlanLines(logs).Count == Councils, "every council planned at start");

        var added = await AddCouncilAsync("added");
        _time.Advance(CouncilWatchJob.Interval);
        await Eventually.TrueAsync(() => PlanLines(logs).Any(l => l.Contains($"Council {added} planned", StringComparison.Ordinal)), "the added council planned");

        _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 10, 0, 0, Msk));
        await Eventually.TrueAsync(() => _telegram.Reminders.Any(r => r.To.Name == NameOf(added)), "the added council's reminder");
        await host.StopAsync(_ct);
    }

    private static List<string> PlanLines(CapturingLoggerProvider logs) =>
        [.. logs.Lines.Where(l => l.Contains(" deliveries written;", StringComparison.Ordinal))];

    private static string NameOf(long councilId) => $"Член {councilId}";

    private async Task SeedAsync()
    {
        _db = await storage.CreateMigratedAsync(_time, _ct);
        for (var i = 0; i < Councils; i++) _councils.Add(await AddCouncilAsync($"c{i}"));
        // The service ran until now: what falls due from here on is its to send.
        await new StateStore(_db.Database, _time).SetInstantAsync(StateKeys.SweptUntil, _time.GetUtcNow(), _ct);
    }

    private async Task<long> AddCouncilAsync(string slug)
    {
        var plan = new PlanImport(
        [
            new PlanItem("4", null, "Разработка технического задания для организации-оператора", ["Общественный совет"],
                "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "техническое задание"),
        ], []);
        var council = await TestCouncil.AddAsync(_db.Database, _time, slug, "Europe/Moscow", 2020, plan, _ct);
        await TestCouncil.AddMemberAsync(_db.Database, council, NameOf(council), "member", 100 + council, null, _ct, "Общественный совет");
        return council;
    }

    private async Task<long> MemberIdAsync(long councilId)
    {
        await using var connection = await _db.Database.OpenAsync(_ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT id FROM members WHERE council_id = @councilId", new { councilId }, cancellationToken: _ct));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _db.Database.OpenAsync(_ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: _ct));
    }

    /// <summary>On PostgreSQL Quartz's store is clustered and outlives the host: its triggers are kept across restarts.</summary>
    private bool Clustered => storage.Provider == StorageProvider.Postgres;

    private IHost BuildHost(CapturingLoggerProvider logs) => RecordingHost.Build(_db, _time, _telegram, logs);
}

public sealed class CouncilSchedulingTestsOnSqlite() : CouncilSchedulingTests(TestStorage.Sqlite);

public sealed class CouncilSchedulingTestsOnPostgres(PostgresServerFixture postgres) : CouncilSchedulingTests(TestStorage.Postgres(postgres));
