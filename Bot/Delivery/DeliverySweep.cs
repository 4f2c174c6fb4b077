using Microsoft.Extensions.Logging;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// The outbox's two steps. Planning one council writes every delivery of it that fell due since its own mark to the
/// ledger and says when it is next needed; the mark is kept in SQLite per council, so planning after a restart catches
/// up exactly what fell due while the service was down (with the council's catch-up grace). Dispatching sends what is
/// pending in the ledger, whichever council it belongs to. The service runs each step from its own Quartz triggers;
/// <see cref="RunAsync"/> does both for every council (the simulator's loop).
/// </summary>
public sealed class DeliverySweep(
    CouncilSnapshotStore snapshots, Outbox outbox, DeliveryDispatcher dispatcher, DeliveryLedger ledger, StateStore state,
    CouncilScheduleStore schedules, TimeProvider time, ILogger<DeliverySweep> logger)
{
    private readonly HashSet<long> _announced = [];

    /// <param name="Councils">The councils this pass saw, for their digest triggers.</param>
    public sealed record Result(int Enqueued, int Sent, DateTimeOffset? NextWakeUp, IReadOnlyList<CouncilSchedule> Councils);

    /// <param name="Found">False when the council was removed.</param>
    /// <param name="Next">The first instant after now a delivery of the council falls due (or a meeting notice), if any.</param>
    /// <param name="NextAt">The instant the council is next planned, as recorded.</param>
    /// <param name="NextPending">When the earliest pending delivery of any council falls due: the dispatch must run by then.</param>
    public sealed record CouncilResult(bool Found, int Enqueued, DateTimeOffset? Next, DateTimeOffset SweptUntil, DateTimeOffset NextAt, DateTimeOffset? NextPending);

    /// <param name="Next">When the earliest pending delivery (a retry, or the rest of a full batch) falls due.</param>
    public sealed record DispatchResult(int Sent, DateTimeOffset? Next);

    /// <summary>
    /// Plans one council alone: its snapshot is the only one read. <paramref name="nextAt"/> turns its next due instant
    /// (and now) into the instant its trigger is set for, which is recorded with the mark.
    /// </summary>
    public async Task<CouncilResult> PlanCouncilAsync(long councilId, Func<DateTimeOffset?, DateTimeOffset, DateTimeOffset> nextAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nextAt);
        var now = time.GetUtcNow();
        if (await snapshots.LoadAsync(councilId, ct) is not { } council) return new CouncilResult(false, 0, null, now, now, null);
        var since = await schedules.SweptUntilAsync(councilId, now, ct);
        var (enqueued, next) = await PlanAsync(council, since, now, ct);
        var at = nextAt(next, now);
        await schedules.SaveAsync(councilId, now, at, ct);
        // Rows can be pending that no plan of this process wrote (another process's, or written before a restart).
        return new CouncilResult(true, enqueued, next, now, at, await ledger.NextPendingDueAsync(ct));
    }

    /// <summary>Sends the pending deliveries due now (reading the snapshots of their councils only).</summary>
    public async Task<DispatchResult> DispatchAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sent = await dispatcher.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), now, null, ct);
        var next = await ledger.NextPendingDueAsync(ct);
        // Due rows left unsent: a recipient another instance holds for its spacing, or this instance joining others
        // (it waits a heartbeat). Look again a second later, not at once.
        if (sent == 0 && next <= now) next = now + DispatchInstance.BeatInterval;
        return new DispatchResult(sent, next);
    }

    /// <summary>Plans every council, then sends what is due: one pass over the whole database (the simulator's clock).</summary>
    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var enqueued = 0;
        DateTimeOffset? next = null;
        var councils = new List<CouncilSchedule>();
        // Councils are read one at a time; only those with something to send stay in memory for the sending below.
        var pendingCouncils = await ledger.PendingCouncilsAsync(ct);
        var sending = new Dictionary<long, CouncilSnapshot>();
        await foreach (var council in snapshots.LoadAllAsync(ct))
        {
            councils.Add(council.Schedule);
            var since = await schedules.SweptUntilAsync(council.Council.Id, now, ct);
            var (written, councilNext) = await PlanAsync(council, since, now, ct);
            await schedules.SaveAsync(council.Council.Id, now, councilNext ?? now + DeliveryPlanner.Horizon, ct);
            enqueued += written;
            next = Earliest(next, councilNext);
            if (written > 0 || pendingCouncils.Contains(council.Council.Id)) sending[council.Council.Id] = council;
        }
        // Councils added after this pass start from it.
        await state.SetInstantAsync(StateKeys.SweptUntil, now, ct);

        var sent = await dispatcher.SendPendingAsync(sending, now, null, ct);
        // A retry pending in the ledger wakes the sweep too.
        if (await ledger.NextPendingDueAsync(ct) is { } pending) next = Earliest(next, pending > now ? pending : now);
        return new Result(enqueued, sent, next, councils);
    }

    private async Task<(int Enqueued, DateTimeOffset? Next)> PlanAsync(CouncilSnapshot council, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        var plan = DeliveryPlanner.PlanAround(council, since, now);
        var written = await outbox.EnqueueAsync(plan.Due, now, council.Settings.CatchUpGrace, ct);
        // The first time the process plans a council it says what it serves.
        bool first;
        lock (_announced) first = _announced.Add(council.Council.Id);
        if (first)
            DeliveryLog.Serving(logger, council.Council.Slug, council.Council.TimeZone, council.Plan?.Items.Count ?? 0, council.Members.Count, plan.Next);
        return (written, plan.Next);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
