using NokoBot.Delivery;
using NokoBot.Meetings;
using NokoBot.Storage;

namespace NokoBot.Scheduling;

/// <summary>
/// One pass of the scheduler: writes every reminder that fell due since the last pass to the ledger, sends what
/// is pending, and says when the next pass is needed. The last pass's instant is kept in SQLite, so a pass after a
/// restart catches up exactly the reminders that fell due while the service was down.
/// </summary>
public sealed class ReminderSweep(
    CouncilSnapshotStore snapshots, DeliveryDispatcher dispatcher, ReminderPlanner planner, DeliveryLedger ledger,
    StateStore state, TimeProvider time, IEnumerable<IOutbox> outboxes, MeetingDispatcher? meetings = null)
{
    public const string SweptUntilKey = "scheduler.swept_until";

    /// <param name="Councils">The councils as this pass saw them.</param>
    public sealed record Result(int Enqueued, int Sent, DateTimeOffset? NextWakeUp, IReadOnlyList<CouncilSnapshot> Councils);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A first start plans from now: a fresh install must not replay the year's past reminders.
        var since = await state.GetInstantAsync(SweptUntilKey, ct) ?? now;
        var councils = await snapshots.LoadAllAsync(ct);
        var enqueued = 0;
        DateTimeOffset? next = null;
        foreach (var council in councils)
        {
            // One plan per council serves both what is due now and when to wake next; only the instant is kept.
            var (plan, first) = planner.PlanAround(council, now);
            enqueued += await dispatcher.EnqueueDueAsync(council, plan, since, now, ct);
            next = Earliest(next, first);
        }
        await state.SetInstantAsync(SweptUntilKey, now, ct);

        var sent = await dispatcher.SendPendingAsync(councils.ToDictionary(c => c.Council.Id), now, ct);
        if (meetings is not null)
            foreach (var council in councils)
            {
                sent += await meetings.DispatchAsync(council, ct);
                next = Earliest(next, await meetings.NextAsync(council, now, ct));
            }
        foreach (var outbox in outboxes) sent += await outbox.DispatchDueAsync(ct);
        // A retry pending in the ledger wakes the sweep too.
        if (await ledger.NextPendingDueAsync(ct) is { } pending) next = Earliest(next, Max(pending, now));
        return new Result(enqueued, sent, next, councils);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
