using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using NokoBot.Delivery;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;
using Quartz;

namespace NokoBot.Tests.Scheduling;

/// <summary>
/// <see cref="SchedulerStartup"/> on Quartz's clustered store (the real PostgreSQL) with the councils in a SQLite
/// file: the first node's start sets every council's trigger, a later node's start keeps what the store holds and
/// adds only what is missing. The nodes are not started, so nothing fires: only what start-up writes is looked at.
/// </summary>
public sealed class ClusteredStartupTests(PostgresServerFixture postgres) : IAsyncDisposable
{
    private const int Councils = 3;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDatabase _db = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly Dictionary<IScheduler, StandaloneSchedulerFactory> _factories = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories.Values) await factory.DisposeAsync();
        _logs.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task A_later_nodes_start_keeps_the_stored_triggers_and_adds_only_the_missing_one()
    {
        var time = TimeProvider.System;
        await new MigrationRunner(_db.Database, time).ApplyAsync(_ct);
        var councils = new List<long>();
        for (var i = 0; i < Councils; i++) councils.Add(await TestCouncil.AddAsync(_db.Database, time, $"c{i}", "Europe/Moscow", 2020, null, _ct));
        var pg = await postgres.CreateDatabaseAsync(_ct);
        await ProvisionAsync(pg);

        var first = await NodeAsync(pg);
        await StartUpAsync(first);
        Assert.Contains(_logs.Lines, l => l.Contains($"Scheduled {Councils} councils: 0 kept from the store", StringComparison.Ordinal));
        Assert.Equal(Councils, (await StoredTriggers.NextFireTimesAsync(first, CouncilTriggers.Group, _ct)).Count);

        // Meanwhile: one council's plan moved its trigger (to an instant no stored next_at says), another's was lost.
        var moved = DateTimeOffset.UtcNow.AddMinutes(37);
        moved = moved.AddTicks(-(moved.Ticks % TimeSpan.TicksPerSecond));
        await CouncilTriggers.ScheduleAtAsync(first, councils[0], moved, _ct);
        await first.UnscheduleJob(CouncilTriggers.TriggerKeyOf(councils[1]), _ct);

        var second = await NodeAsync(pg);
        await StartUpAsync(second);

        Assert.Contains(_logs.Lines, l => l.Contains($"Scheduled {Councils} councils: {Councils - 1} kept from the store", StringComparison.Ordinal));
        var stored = await StoredTriggers.NextFireTimesAsync(second, CouncilTriggers.Group, _ct);
        Assert.Equal(Councils, stored.Count);
        Assert.Equal(moved, stored[CouncilTriggers.TriggerKeyOf(councils[0])]);
        Assert.NotNull(stored[CouncilTriggers.TriggerKeyOf(councils[1])]);
        // The digest crons and the repeating jobs are there once, however many nodes started.
        await using var connection = new NpgsqlConnection(pg);
        Assert.Equal(Councils, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE 'digest-c_'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'council-watch-every-minute'"));
    }

    /// <summary>The schema, made by a node that starts and stops with nothing to fire.</summary>
    private async Task ProvisionAsync(string pg)
    {
        var node = await NodeAsync(pg);
        await node.Start(_ct);
        await node.Shutdown(true, _ct);
    }

    private async Task<IScheduler> NodeAsync(string pg)
    {
        var storage = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = pg };
        var factory = QuartzSchedulerBuilder.Create(q => QuartzStore.Configure(q, storage, new ClusterOptions())).Build();
        var scheduler = await factory.GetScheduler(_ct);
        _factories[scheduler] = factory;
        IJobDetail[] jobs =
        [
            JobBuilder.Create<DispatchJob>().WithIdentity(DispatchJob.Key).StoreDurably().Build(),
            JobBuilder.Create<CouncilWatchJob>().WithIdentity(CouncilWatchJob.Key).StoreDurably().Build(),
            JobBuilder.Create<HealthJob>().WithIdentity(HealthJob.Key).StoreDurably().Build(),
            JobBuilder.Create<DigestJob>().WithIdentity(DigestJob.Key).StoreDurably().Build(),
        ];
        foreach (var job in jobs) await scheduler.AddJob(job, new AddJobOptions { Replace = true }, _ct);
        return scheduler;
    }

    /// <summary>The real start-up over the SQLite councils, with an email channel so that digests are scheduled.</summary>
    private async Task StartUpAsync(IScheduler node)
    {
        using var services = TestServices.Build(_db.Path, TimeProvider.System, [new RecordingChannel(Channels.Email)]);
        using var loggers = new LoggerFactory([_logs]);
        var startup = new SchedulerStartup(
            _factories[node], services.Get<CouncilScheduleStore>(), new DigestSchedule(services.Get<DeliveryDispatcher>()), new DispatchWake(),
            TimeProvider.System, loggers.CreateLogger<SchedulerStartup>());
        await startup.StartAsync(_ct);
    }
}
