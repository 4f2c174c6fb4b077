using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NokoBot.Telegram;

/// <summary>
/// The polling lease of a cluster on PostgreSQL: a session advisory lock, <c>pg_try_advisory_lock(<see cref="LockKey"/>)</c>,
/// held on a connection of its own (unpooled: closing it ends the session, and the session's end releases the lock,
/// also when the process dies). The others try again every <c>interval</c>; the holder runs <c>SELECT 1</c> as
/// often and gives the lease up at the first failure, so a lost session stops its polling within one interval. A
/// holder silent for three intervals (its machine gone) has its session ended by the server
/// (<c>idle_session_timeout</c>), so the lease does not wait for TCP to notice.
/// Advisory locks belong to one database: bots on other databases of the same server do not meet.
/// </summary>
public sealed class PostgresPollingLease(string connectionString, TimeSpan interval, TimeProvider time, ILogger<PostgresPollingLease> logger)
    : IPollingLease
{
    /// <summary>"NokoPoll" in ASCII: fixed, so every node asks for the same lock.</summary>
    public const long LockKey = 0x4E6F_6B6F_506F_6C6C;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        // A check that hangs counts as a lost lease, never as one still held.
        CommandTimeout = Math.Max(1, (int)Math.Ceiling(interval.TotalSeconds)),
        ApplicationName = "nokobot-poller",
    }.ToString();

    private bool _heldBefore;

    public async Task<IPollingHold> AcquireAsync(CancellationToken ct)
    {
        // After a loss, one interval first: a holder that died needs its session ended before anyone can take over,
        // and a flapping connection should not make the lease flap as fast.
        if (_heldBefore) await Task.Delay(interval, time, ct);
        _heldBefore = true;
        var waiting = false;
        while (true)
        {
            if (await TryLockAsync(ct) is { } connection)
            {
                TelegramLog.PollingLeaseTaken(logger);
                return new Hold(connection, interval, time, logger);
            }
            if (!waiting) TelegramLog.PollingLeaseWaiting(logger, interval);
            waiting = true;
            await Task.Delay(interval, time, ct);
        }
    }

    private async Task<NpgsqlConnection?> TryLockAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // A holder whose machine vanished sends nothing, not even a close: without this its session, and the
            // lock, would outlive it until TCP gives up (hours). It checks every interval, so three silent ones mean
            // it is gone and the server ends the session (PostgreSQL 14 and later).
            if (connection.PostgreSqlVersion.Major >= 14)
            {
                await using var silence = new NpgsqlCommand(
                    string.Create(CultureInfo.InvariantCulture, $"SET idle_session_timeout = {(long)(interval * 3).TotalMilliseconds}"), connection);
                await silence.ExecuteNonQueryAsync(ct);
            }
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            if (await command.ExecuteScalarAsync(ct) is true) return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            TelegramLog.PollingLeaseUnreachable(logger, e, interval);
        }
        catch (OperationCanceledException)
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The lock's connection, checked every interval until it fails or the hold is given up.</summary>
    private sealed class Hold : IPollingHold
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _checks;
        private readonly TimeSpan _interval;
        private readonly TimeProvider _time;

        public Hold(NpgsqlConnection connection, TimeSpan interval, TimeProvider time, ILogger logger)
        {
            _connection = connection;
            _interval = interval;
            _time = time;
            _checks = CheckAsync(logger);
        }

        public CancellationToken Lost => _lost.Token;

        private async Task CheckAsync(ILogger logger)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(_interval, _time, _stop.Token);
                    await using var command = new NpgsqlCommand("SELECT 1", _connection);
                    // Our own bound, and no token handed to the driver: on a connection whose packets vanish, the
                    // driver's cancellation (a cancel request over the network) would block whoever cancels it.
                    await command.ExecuteScalarAsync(CancellationToken.None).WaitAsync(_interval, _time, _stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // Whatever broke the check, the lease can no longer be vouched for: polling stops.
                TelegramLog.PollingLeaseLost(logger, e);
                await _lost.CancelAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _checks;
            // Closing the unpooled connection ends the session, which releases the lock. One beyond reach may not
            // close at all: it is left behind, and the server's idle timeout ends that session.
            // Off this thread: closing a connection whose packets vanish blocks, then fails, inside the driver.
            var closing = Task.Run(async () =>
            {
                try
                {
                    await _connection.DisposeAsync();
                }
                catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
                {
                    // It was lost anyway.
                }
            });
            try
            {
                await closing.WaitAsync(_interval, _time);
            }
            catch (TimeoutException)
            {
            }
            _lost.Dispose();
            _stop.Dispose();
        }
    }
}
