using Quartz;

namespace NokoBot.Scheduling;

/// <summary>
/// What the job store already holds. A clustered store keeps every trigger across restarts, so a node starting up
/// adds only what is missing or stale instead of rewriting thousands of triggers on every start of every node; the
/// in-memory store starts empty, so there everything is missing.
/// </summary>
public static class StoredTriggers
{
    /// <summary>Each trigger of <paramref name="group"/> with its next fire time: one listing query, no job data read.</summary>
    public static async Task<IReadOnlyDictionary<TriggerKey, DateTimeOffset?>> NextFireTimesAsync(IScheduler scheduler, string group, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var page = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(group), Take = PagedQuery.All }, ct);
        return page.Items.ToDictionary(h => h.Key, h => h.NextFireTimeUtc);
    }

    /// <summary>
    /// Whether the trigger is set to fire by <paramref name="at"/>. A one-shot trigger that fired has no next instant
    /// until something sets one, so while its job runs a next instant means a change asked for it meanwhile — on this
    /// node or on another — and the job must not push it back.
    /// </summary>
    public static async Task<bool> FiresByAsync(IScheduler scheduler, TriggerKey key, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        return await scheduler.GetTrigger(key, ct) is { NextFireTimeUtc: { } next } && next <= at;
    }
}
