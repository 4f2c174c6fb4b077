using Microsoft.Extensions.Logging;
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
    StateStore state, TimeProvider time, IEnumerable<IOutbox> outboxes, MeetingDispatcher? meetings = null,
    ILogger<ReminderSweep>? logger = null)
{
    private int _passes;

    public const string SweptUntilKey = "scheduler.swept_until";

    /// <param name="Councils">The councils this pass saw, for their digest triggers.</param>
    public sealed record Result(int Enqueued, int Sent, DateTimeOffset? NextWakeUp, IReadOnlyList<CouncilSchedule> Councils);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A first start plans from now: a fresh install must not replay the year's past reminders.
        var since = await state.GetInstantAsync(SweptUntilKey, ct) ?? now;
        var enqueued = 0;
        var sent = 0;
        DateTimeOffset? next = null;
        var councils = new List<CouncilSchedule>();
        // Councils are read one at a time; only those with something to send stay in memory for the sending below.
        var pendingCouncils = await ledger.PendingCouncilsAsync(ct);
        var sending = new Dictionary<long, CouncilSnapshot>();
        // The first pass of the process says what the service serves (it reads and plans every council anyway).
        var announcer = Interlocked.Increment(ref _passes) == 1 ? logger : null;
        await foreach (var council in snapshots.LoadAllAsync(ct))
        {
            councils.Add(council.Schedule);
            // One plan per council serves both what is due now and when to wake next; only the instant is kept.
            var (plan, first) = planner.PlanAround(council, now);
            var written = await dispatcher.EnqueueDueAsync(council, plan, since, now, ct);
            enqueued += written;
            next = Earliest(next, first);
            if (announcer is not null)
                SchedulingLog.Serving(announcer, council.Council.Slug, council.Council.TimeZone, council.Plan?.Items.Count ?? 0, council.Members.Count, first);
            if (written > 0 || pendingCouncils.Contains(council.Council.Id)) sending[council.Council.Id] = council;
            if (meetings is not null)
            {
                sent += await meetings.DispatchAsync(council, ct);
                next = Earliest(next, await meetings.NextAsync(council, now, ct));
            }
        }
        await state.SetInstantAsync(SweptUntilKey, now, ct);

        sent += await dispatcher.SendPendingAsync(sending, now, ct);
        foreach (var outbox in outboxes) sent += await outbox.DispatchDueAsync(ct);
        // A retry pending in the ledger wakes the sweep too.
        if (await ledger.NextPendingDueAsync(ct) is { } pending) next = Earliest(next, Max(pending, now));
        return new Result(enqueued, sent, next, councils);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
