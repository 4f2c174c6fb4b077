using Microsoft.Extensions.Logging;
using NokoBot.Storage;

namespace NokoBot.Delivery;

/// <summary>
/// One pass of the outbox: writes every delivery that fell due since the last pass to the ledger, sends what is
/// pending, and says when the next pass is needed. The last pass's instant is kept in SQLite, so a pass after a
/// restart catches up exactly what fell due while the service was down.
/// </summary>
public sealed class DeliverySweep(
    CouncilSnapshotStore snapshots, Outbox outbox, DeliveryDispatcher dispatcher, DeliveryLedger ledger, StateStore state,
    TimeProvider time, ILogger<DeliverySweep> logger)
{
    private int _passes;

    /// <param name="Councils">The councils this pass saw, for their digest triggers.</param>
    public sealed record Result(int Enqueued, int Sent, DateTimeOffset? NextWakeUp, IReadOnlyList<CouncilSchedule> Councils);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A first start plans from now: a fresh install must not replay the year's past reminders.
        var since = await state.GetInstantAsync(StateKeys.SweptUntil, ct) ?? now;
        var enqueued = 0;
        DateTimeOffset? next = null;
        var councils = new List<CouncilSchedule>();
        // Councils are read one at a time; only those with something to send stay in memory for the sending below.
        var pendingCouncils = await ledger.PendingCouncilsAsync(ct);
        var sending = new Dictionary<long, CouncilSnapshot>();
        // The first pass of the process says what the service serves (it reads and plans every council anyway).
        var announce = Interlocked.Increment(ref _passes) == 1;
        await foreach (var council in snapshots.LoadAllAsync(ct))
        {
            councils.Add(council.Schedule);
            var plan = DeliveryPlanner.PlanAround(council, since, now);
            var written = await outbox.EnqueueAsync(plan.Due, now, council.Settings.CatchUpGrace, ct);
            enqueued += written;
            next = Earliest(next, plan.Next);
            if (announce)
                DeliveryLog.Serving(logger, council.Council.Slug, council.Council.TimeZone, council.Plan?.Items.Count ?? 0, council.Members.Count, plan.Next);
            if (written > 0 || pendingCouncils.Contains(council.Council.Id)) sending[council.Council.Id] = council;
        }
        await state.SetInstantAsync(StateKeys.SweptUntil, now, ct);

        var sent = await dispatcher.SendPendingAsync(sending, now, null, ct);
        // A retry pending in the ledger wakes the sweep too.
        if (await ledger.NextPendingDueAsync(ct) is { } pending) next = Earliest(next, pending > now ? pending : now);
        return new Result(enqueued, sent, next, councils);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
