namespace NokoBot.Telegram;

/// <summary>
/// The right to run getUpdates. Telegram hands each update to one getUpdates caller, and a second caller makes the
/// first fail (409), so of the processes sharing one bot exactly one polls: the holder of this lease.
/// </summary>
public interface IPollingLease
{
    /// <summary>Waits until this process holds the lease.</summary>
    Task<IPollingHold> AcquireAsync(CancellationToken ct);
}

/// <summary>A held lease; disposing it gives the lease up.</summary>
public interface IPollingHold : IAsyncDisposable
{
    /// <summary>Cancelled the moment the lease is lost: polling must stop at once.</summary>
    CancellationToken Lost { get; }
}

/// <summary>One process on its own (SQLite): it always holds the lease, as it always polled.</summary>
public sealed class SingleProcessLease : IPollingLease, IPollingHold
{
    public CancellationToken Lost => CancellationToken.None;

    public Task<IPollingHold> AcquireAsync(CancellationToken ct) => Task.FromResult<IPollingHold>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
