using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// This process's heartbeat as one of the instances sending to Telegram: every send — a reminder or an answer to a
/// member's command — beats at least every <see cref="DispatchInstance.BeatInterval"/>, and the count of instances
/// seen in the last <see cref="DispatchInstance.LiveWindow"/> sets this one's share of the bot's global rate (the rate
/// limiter reads <see cref="DispatchInstance.Live"/>). Answers count because in a cluster they leave from whichever
/// instance took the update, beside the one sending reminders. An instance that joins others already live sends nothing
/// until <see cref="QuietUntil"/>: by then each of them has counted it and taken its smaller share, and their sends at
/// the larger share have left the limit's one-second window.
/// </summary>
public sealed class InstanceHeartbeat(DispatchInstance instance, DispatcherInstances store, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _lastBeat = DateTimeOffset.MinValue;
    private DateTimeOffset _joinedAt = DateTimeOffset.MinValue;

    /// <summary>Until when this instance, having just joined live ones, holds its sends back.</summary>
    public DateTimeOffset QuietUntil => _joinedAt + DispatchInstance.JoinQuiet;

    /// <param name="force">Beat now even if the last beat is recent (a dispatch pass recounting before it claims).</param>
    public async Task BeatAsync(bool force, CancellationToken ct)
    {
        if (!force && time.GetUtcNow() - _lastBeat < DispatchInstance.BeatInterval) return;
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (!force && now - _lastBeat < DispatchInstance.BeatInterval) return;
            var wasLive = now - _lastBeat < DispatchInstance.LiveWindow;
            _lastBeat = now;
            instance.Live = await store.BeatAsync(instance.Id, now, now - DispatchInstance.LiveWindow, ct);
            if (!wasLive && instance.Live > 1) _joinedAt = now;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Beats if due, then waits out <see cref="QuietUntil"/>: what a send does before the rate limiter.</summary>
    public async Task BeforeSendAsync(CancellationToken ct)
    {
        await BeatAsync(force: false, ct);
        var quiet = QuietUntil - time.GetUtcNow();
        if (quiet > TimeSpan.Zero) await Task.Delay(quiet, time, ct);
    }

    public void Dispose() => _gate.Dispose();
}
