using System.Collections.Concurrent;

namespace NokoBot.Scheduling;

/// <summary>
/// Per council: how many times a re-plan was asked for, and when it was last planned. A council's plan that was
/// already running when a request came in must not push its trigger past it (it compares the count from its start
/// with the count at its end); the last instant lets a request re-plan at once unless the council was planned within
/// the coalescing window.
/// </summary>
public sealed class PlanRequests
{
    private readonly ConcurrentDictionary<long, long> _counts = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _planned = new();

    public long Count(long councilId) => _counts.TryGetValue(councilId, out var count) ? count : 0;

    public void Add(long councilId) => _counts.AddOrUpdate(councilId, 1, (_, count) => count + 1);

    public void Planning(long councilId, DateTimeOffset at) => _planned[councilId] = at;

    public DateTimeOffset? LastPlanned(long councilId) => _planned.TryGetValue(councilId, out var at) ? at : null;
}
