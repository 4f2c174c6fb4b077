using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using NokoBot.Telegram;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>
/// One poller per cluster: the PostgreSQL advisory-lock lease between contenders on the real server, and the real
/// receiver against the fake Bot API polling only while it holds it.
/// </summary>
public sealed class PollingLeaseTests(PostgresServerFixture postgres) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);
    private const string Waiting = "another process holds the polling lease";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly CapturingLoggerProvider _logs = new();
    private LoggerFactory? _loggers;

    public void Dispose()
    {
        _loggers?.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Of_two_contenders_one_holds_and_the_other_takes_over_when_the_holders_session_is_killed()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        var first = Lease(db);
        var second = Lease(db);

        await using var held = await first.AcquireAsync(_ct);
        var waiting = second.AcquireAsync(_ct);
        await Eventually.TrueAsync(() => WaitingLines() == 1, "the second contender tried and was refused", Generous);
        Assert.False(waiting.IsCompleted);
        Assert.False(held.Lost.IsCancellationRequested);

        Assert.Equal(1, await TerminateHolderAsync(db));

        await Eventually.TrueAsync(() => held.Lost.IsCancellationRequested, "the holder saw its session end", Generous);
        await using var taken = await waiting.WaitAsync(Generous, _ct);
        Assert.False(taken.Lost.IsCancellationRequested);
        Assert.Equal(1, await HoldersAsync(db));
    }

    [Fact]
    public async Task A_holder_whose_machine_goes_silent_loses_the_lease_and_the_server_frees_it_for_the_other()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        await using var proxy = new BlackholeProxy(postgres.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(db) { Port = proxy.Port }.ToString();
        var held = await Lease(throughProxy).AcquireAsync(_ct);
        var waiting = Lease(db).AcquireAsync(_ct);
        await Eventually.TrueAsync(() => WaitingLines() == 1, "the second contender was refused", Generous);

        // No close, no reset: the holder's packets just stop, both ways.
        proxy.Blackhole();

        // The holder's check times out, so it stops polling; the server ends the silent session, so the lock is free.
        await Eventually.TrueAsync(() => held.Lost.IsCancellationRequested, "the silent holder gave the lease up", Generous);
        await using var taken = await waiting.WaitAsync(Generous, _ct);
        Assert.Equal(1, await HoldersAsync(db));
        await held.DisposeAsync(); // its connection is beyond reach: closing it must not wait for ever
    }

    [Fact]
    public async Task A_lease_given_up_goes_to_the_waiting_contender()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        var held = await Lease(db).AcquireAsync(_ct);
        var waiting = Lease(db).AcquireAsync(_ct);
        await Eventually.TrueAsync(() => WaitingLines() == 1, "the second contender was refused", Generous);

        await held.DisposeAsync();

        await using var taken = await waiting.WaitAsync(Generous, _ct);
        Assert.Equal(1, await HoldersAsync(db));
    }

    [Fact]
    public async Task The_receiver_polls_only_while_it_holds_the_lease()
    {
        var db = await postgres.CreateDatabaseAsync(_ct);
        // Another process holds the lease when the service starts.
        var other = await HoldLockAsync(db);
        await using var rig = await TelegramRig.StartAsync(_ct, services: s =>
            s.Replace(ServiceDescriptor.Singleton<IPollingLease>(sp => new PostgresPollingLease(db, Interval, TimeProvider.System,
                sp.GetRequiredService<ILogger<PostgresPollingLease>>()))));
        await Eventually.TrueAsync(() => RigWaiting(rig) == 1, "the receiver was refused the lease", Generous);
        Assert.Empty(rig.Api.PollOffsets);

        // The other process dies: the receiver takes the lease over and polls.
        await other.DisposeAsync();
        await Eventually.TrueAsync(() => rig.Api.PollOffsets.Count > 0, "the receiver polls", Generous);
        rig.Api.PushText(7001, "/help");
        await rig.WaitForTextAsync(7001, _ => true);

        // Its session is killed and another process takes the lease: polling stops.
        Assert.Equal(1, await TerminateHolderAsync(db));
        await using var next = await TakeLockAsync(db);
        await Eventually.TrueAsync(() => rig.Logs.Lines.Any(l => l.Contains("polling lease's database session was lost", StringComparison.Ordinal)),
            "the receiver saw its lease lost", Generous);
        await Eventually.TrueAsync(() => RigWaiting(rig) == 2, "the receiver was refused the lease again", Generous);
        var polls = rig.Api.PollOffsets.Count;
        await Task.Delay(Interval * 3, _ct); // room for a poll, were there one
        Assert.Equal(polls, rig.Api.PollOffsets.Count);
    }

    private PostgresPollingLease Lease(string db) =>
        new(db, Interval, TimeProvider.System, (_loggers ??= new LoggerFactory([_logs])).CreateLogger<PostgresPollingLease>());

    private int WaitingLines() => _logs.Lines.Count(l => l.Contains(Waiting, StringComparison.Ordinal));

    private static int RigWaiting(TelegramRig rig) => rig.Logs.Lines.Count(l => l.Contains(Waiting, StringComparison.Ordinal));

    /// <summary>Ends the session holding the lease, as a crash or a network cut would; how many sessions were ended.</summary>
    private static async Task<int> TerminateHolderAsync(string db)
    {
        await using var admin = new NpgsqlConnection(db);
        return (await admin.QueryAsync<bool>(
            """
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """)).Count(t => t);
    }

    private static async Task<int> HoldersAsync(string db)
    {
        await using var admin = new NpgsqlConnection(db);
        return await admin.ExecuteScalarAsync<int>(
            """
            SELECT count(*)::int FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """);
    }

    /// <summary>The lease held by "another process": a session of the test's own with the lock.</summary>
    private async Task<NpgsqlConnection> HoldLockAsync(string db)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db) { Pooling = false }.ToString());
        await connection.OpenAsync(_ct);
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@key)", new { key = PostgresPollingLease.LockKey }));
        return connection;
    }

    /// <summary>Takes the lock the moment it is free.</summary>
    private async Task<NpgsqlConnection> TakeLockAsync(string db)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db) { Pooling = false }.ToString());
        await connection.OpenAsync(_ct);
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@key)", new { key = PostgresPollingLease.LockKey }),
            "the test took the lock", Generous);
        return connection;
    }
}
