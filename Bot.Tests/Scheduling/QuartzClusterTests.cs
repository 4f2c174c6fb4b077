using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;
using Quartz;

namespace NokoBot.Tests.Scheduling;

/// <summary>
/// Quartz's clustered store as <see cref="QuartzStore"/> configures it, on a real PostgreSQL: nodes are schedulers
/// built in the test over one fresh database, with a 1 s check-in so that a dead node is written off in seconds.
/// </summary>
public sealed class QuartzClusterTests(PostgresServerFixture postgres) : IAsyncDisposable
{
    private static readonly ClusterOptions Fast = new()
    {
        CheckinInterval = TimeSpan.FromSeconds(1), CheckinMisfireThreshold = TimeSpan.FromSeconds(1), MisfireThreshold = TimeSpan.FromSeconds(5),
    };

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly string _run = Guid.NewGuid().ToString("N");
    private readonly List<IScheduler> _nodes = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            try { await node.Shutdown(false, CancellationToken.None); } catch (SchedulerException) { } catch (NpgsqlException) { }
        }
        RecordingJob.Release(_run);
        MovingJob.Release(_run);
    }

    [Fact]
    public async Task Nodes_starting_at_once_on_an_empty_database_provision_the_schema_once_and_all_run()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);

        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StartNodeAsync(db)));

        Assert.All(nodes, n => Assert.Equal(SchedulerStatus.Running, n.Status));
        Assert.Equal(3, nodes.Select(n => n.SchedulerInstanceId).Distinct().Count());
        await using var connection = new NpgsqlConnection(db);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'qrtz_triggers'"));
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state") == 3,
            "every node checked in");
        // And each of them fires what it is given.
        for (var i = 0; i < nodes.Length; i++) await ScheduleAsync(nodes[i], $"t{i}", DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => RecordingJob.Runs(_run).Count == 3, "three triggers fired", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_trigger_scheduled_by_one_node_fires_exactly_once_across_two()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        var a = await StartNodeAsync(db);
        var b = await StartNodeAsync(db);
        var at = DateTimeOffset.UtcNow.AddSeconds(1);

        const int Triggers = 20;
        for (var i = 0; i < Triggers; i++) await ScheduleAsync(i % 2 == 0 ? a : b, $"t{i}", at);

        await Eventually.TrueAsync(() => RecordingJob.Runs(_run).Count >= Triggers, "every trigger fired", TimeSpan.FromSeconds(20));
        await Task.Delay(Fast.CheckinInterval * 3, _ct); // room for a second firing, were there one
        var runs = RecordingJob.Runs(_run);
        Assert.Equal(Triggers, runs.Count);
        Assert.Equal(Triggers, runs.Select(r => r.Trigger).Distinct().Count());
    }

    [Fact]
    public async Task A_trigger_due_later_fires_on_the_other_node_when_the_one_that_scheduled_it_shuts_down_without_waiting()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        var a = await StartNodeAsync(db);
        var b = await StartNodeAsync(db);
        await ScheduleAsync(a, "later", DateTimeOffset.UtcNow.AddSeconds(2));

        await a.Shutdown(waitForJobsToComplete: false, _ct);

        await Eventually.TrueAsync(() => RecordingJob.Runs(_run).Count == 1, "the trigger fired", TimeSpan.FromSeconds(20));
        Assert.Equal(b.SchedulerInstanceId, RecordingJob.Runs(_run)[0].Node);
    }

    [Fact]
    public async Task When_a_node_loses_its_database_its_running_job_and_a_trigger_due_later_go_to_the_other_node()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        // Node A connects as a role of its own, so that the test can cut A alone off: its sessions killed, no new ones.
        var role = "node_" + _run[..12];
        await using var admin = new NpgsqlConnection(db);
        await admin.ExecuteAsync($"CREATE ROLE {role} LOGIN SUPERUSER");
        var a = await StartNodeAsync(new NpgsqlConnectionStringBuilder(db) { Username = role, ApplicationName = role }.ToString());
        await ScheduleAsync(a, "running", DateTimeOffset.UtcNow, hold: true);
        await Eventually.TrueAsync(() => RecordingJob.Started(_run).Any(r => r.Node == a.SchedulerInstanceId), "A runs the held job", TimeSpan.FromSeconds(20));
        var b = await StartNodeAsync(db);
        await ScheduleAsync(b, "later", DateTimeOffset.UtcNow.AddSeconds(3));

        await admin.ExecuteAsync($"ALTER ROLE {role} NOLOGIN");
        await admin.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = @role", new { role });

        await Eventually.TrueAsync(() => RecordingJob.Runs(_run).Count(r => r.Node == b.SchedulerInstanceId) == 2,
            "B ran the recovered job and the later trigger", TimeSpan.FromSeconds(30));
        var onB = RecordingJob.Runs(_run).Where(r => r.Node == b.SchedulerInstanceId).ToList();
        Assert.Contains(onB, r => r.Recovering);
        Assert.Contains(onB, r => r.Trigger == "later");
    }

    [Fact]
    public async Task A_plan_asked_for_on_another_node_while_the_job_runs_is_not_pushed_back_by_the_job()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        var a = await StartNodeAsync(db);
        var b = await StartNodeAsync(db);
        var key = new TriggerKey("council", _run);
        var job = JobBuilder.Create<MovingJob>().WithIdentity("council", _run).StoreDurably().UsingJobData(RecordingJob.RunKey, _run).Build();
        await a.ScheduleJob(job, OneShot(key, job.Key, DateTimeOffset.UtcNow), cancellationToken: _ct);
        await Eventually.TrueAsync(() => MovingJob.Runs(_run) == 1, "the job runs", TimeSpan.FromSeconds(20));

        // While it runs its fired one-shot trigger has no next instant; a change on the other node sets one.
        var running = await b.GetTrigger(key, _ct);
        Assert.NotNull(running);
        Assert.Null(running.NextFireTimeUtc);
        Assert.False(await StoredTriggers.FiresByAsync(b, key, DateTimeOffset.UtcNow.AddHours(1), _ct));
        await b.RescheduleJob(key, OneShot(key, job.Key, DateTimeOffset.UtcNow), _ct);
        MovingJob.Release(_run);

        // The job, ending, would set its trigger an hour ahead: it keeps the earlier instant, so it runs again now.
        await Eventually.TrueAsync(() => MovingJob.Runs(_run) == 2, "the job runs again for the change", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_councils_job_data_survives_the_json_store()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        var node = await StartNodeAsync(db);

        await node.AddJob(CouncilTriggers.JobOf(4_000_000_042), new AddJobOptions { Replace = true }, _ct);

        var stored = await node.GetJobDetail(CouncilTriggers.JobKeyOf(4_000_000_042), _ct);
        Assert.NotNull(stored);
        Assert.Equal(4_000_000_042, stored.JobDataMap.GetLong(CouncilTriggers.CouncilIdKey));
        Assert.True(stored.Durable && stored.RequestsRecovery);
        Assert.True(stored.ConcurrentExecutionDisallowed);
    }

    private async Task<IScheduler> StartNodeAsync(string connectionString)
    {
        var storage = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString };
        var scheduler = await QuartzSchedulerBuilder.Create(q =>
        {
            QuartzStore.Configure(q, storage, Fast);
            // A node with nothing due looks again this often (30 s by default): a trigger another node added is seen soon.
            q.ConfigureScheduler(o => o.IdleWaitTime = TimeSpan.FromSeconds(1));
        }).BuildScheduler(_ct);
        lock (_nodes) _nodes.Add(scheduler);
        await scheduler.Start(_ct);
        return scheduler;
    }

    private async Task ScheduleAsync(IScheduler node, string name, DateTimeOffset at, bool hold = false)
    {
        var job = JobBuilder.Create<RecordingJob>().WithIdentity(name, _run).StoreDurably().RequestRecovery()
            .UsingJobData(RecordingJob.RunKey, _run).UsingJobData(RecordingJob.HoldKey, hold).Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, _run).ForJob(job).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
        await node.ScheduleJob(job, trigger, cancellationToken: _ct);
    }

    private static ITrigger OneShot(TriggerKey key, JobKey job, DateTimeOffset at) =>
        TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();

    /// <summary>
    /// A council's plan in miniature: one run at a time, its first run held until the test releases it, and at its end
    /// its one-shot trigger moved an hour ahead unless something set it earlier meanwhile.
    /// </summary>
    [DisallowConcurrentExecution]
    public sealed class MovingJob : IJob
    {
        private static readonly ConcurrentDictionary<string, int> Counts = new();
        private static readonly ConcurrentDictionary<string, TaskCompletionSource> Held = new();

        public static int Runs(string run) => Counts.TryGetValue(run, out var n) ? n : 0;

        public static void Release(string run) => Held.GetOrAdd(run, _ => new()).TrySetResult();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var run = context.MergedJobDataMap.GetString(RecordingJob.RunKey)!;
            if (Counts.AddOrUpdate(run, 1, (_, n) => n + 1) == 1) await Held.GetOrAdd(run, _ => new()).Task.WaitAsync(cancellationToken);
            var key = context.Trigger.Key;
            var next = DateTimeOffset.UtcNow.AddHours(1);
            if (!await StoredTriggers.FiresByAsync(context.Scheduler, key, next, cancellationToken))
                await context.Scheduler.RescheduleJob(key, OneShot(key, context.JobDetail.Key, next), cancellationToken);
        }
    }

    /// <summary>Records which node ran which trigger; a held run waits until the test ends (a node busy when it dies).</summary>
    public sealed class RecordingJob : IJob
    {
        public const string RunKey = "run";
        public const string HoldKey = "hold";

        public sealed record Run(string Trigger, string Node, bool Recovering);

        private static readonly ConcurrentDictionary<string, ConcurrentQueue<Run>> Finished = new();
        private static readonly ConcurrentDictionary<string, ConcurrentQueue<Run>> Begun = new();
        private static readonly ConcurrentDictionary<string, TaskCompletionSource> Held = new();

        public static IReadOnlyList<Run> Runs(string run) => Finished.TryGetValue(run, out var q) ? [.. q] : [];

        public static IReadOnlyList<Run> Started(string run) => Begun.TryGetValue(run, out var q) ? [.. q] : [];

        public static void Release(string run) => Held.GetOrAdd(run, _ => new()).TrySetResult();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var run = context.MergedJobDataMap.GetString(RunKey)!;
            var record = new Run(context.JobDetail.Key.Name, context.Scheduler.SchedulerInstanceId, context.Recovering);
            Begun.GetOrAdd(run, _ => new()).Enqueue(record);
            // Only the first run holds: the recovered one on the other node finishes.
            if (context.MergedJobDataMap.GetBoolean(HoldKey) && !context.Recovering)
                await Held.GetOrAdd(run, _ => new()).Task.WaitAsync(cancellationToken);
            Finished.GetOrAdd(run, _ => new()).Enqueue(record);
        }
    }
}
