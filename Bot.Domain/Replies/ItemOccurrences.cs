using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Replies;

/// <summary>One occurrence of an item due several times, as the replies left it.</summary>
public sealed class OccurrenceState
{
    private readonly List<(DateOnly Due, DateTimeOffset From, string? Reason)> _dues;
    private readonly Dictionary<string, DateTimeOffset> _doneAt = new(StringComparer.Ordinal);

    internal OccurrenceState(PlannedOccurrence planned)
    {
        Planned = planned;
        _dues = [(planned.Due, DateTimeOffset.MinValue, null)];
    }

    public PlannedOccurrence Planned { get; }

    /// <summary>The due dates in force over time: the planned one from the start, each postponement from its instant.</summary>
    public IReadOnlyList<(DateOnly Due, DateTimeOffset From, string? Reason)> Dues => _dues;

    /// <summary>When each party (the secretary's stand-in "" for an item without parties) reported it done.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> DoneAt => _doneAt;

    /// <summary>The due date in force now.</summary>
    public DateOnly Due => _dues[^1].Due;

    public bool IsOpenFor(string party) => !_doneAt.ContainsKey(party);

    /// <summary>Whether one of <paramref name="parties"/> still owed it at <paramref name="at"/>.</summary>
    public bool IsOpenAt(IReadOnlyList<string> parties, DateTimeOffset at) =>
        parties.Any(p => !_doneAt.TryGetValue(p, out var done) || done > at);

    internal void Done(string party, DateTimeOffset at) => _doneAt.TryAdd(party, at);

    internal void Postpone(DateOnly to, DateTimeOffset at, string? reason) => _dues.Add((to, at, reason));

    /// <summary>The first due date, taken from a postponement (an item that had no date of its own).</summary>
    internal void FirstDueFrom(DateTimeOffset at, string? reason) => _dues[0] = (_dues[0].Due, at, reason);
}

/// <summary>
/// The occurrences of a recurring or series item (DESIGN §2 Occurrence) with its replies applied: each reply counts
/// for the oldest occurrence still open for its parties that had opened by the reply's council-local day (an occurrence
/// opens the day after the one before it fell due). Done, and a protocol when the result is one, close it for the
/// parties; a postponement moves it. The item is done when its last occurrence is.
/// </summary>
public sealed class ItemOccurrences
{
    private readonly List<OccurrenceState> _all;

    private ItemOccurrences(List<OccurrenceState> all, IReadOnlyList<string> parties)
    {
        _all = all;
        Parties = parties;
    }

    /// <summary>In order of their planned due dates.</summary>
    public IReadOnlyList<OccurrenceState> All => _all;

    /// <summary>Who owes each occurrence: the item's parties, or the secretary ("") when it has none.</summary>
    public IReadOnlyList<string> Parties { get; }

    /// <param name="dueOverride">A date the secretary set: the item is then due once, on it.</param>
    /// <returns>null for an item due once at most.</returns>
    public static ItemOccurrences? Of(
        Deadline deadline, DateOnly? dueOverride, int planYear, IReadOnlyList<string> parties, IEnumerable<Reply> replies,
        bool protocolCloses, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(replies);
        if (dueOverride is not null || OccurrenceSchedule.Of(deadline, planYear) is not { Count: > 0 } planned) return null;

        IReadOnlyList<string> owers = parties.Count > 0 ? parties : [""];
        var all = planned.Select(p => new OccurrenceState(p)).ToList();
        foreach (var reply in replies.OrderBy(r => r.At))
        {
            var day = CouncilClock.LocalDate(reply.At, zone);
            IReadOnlyList<string> who = reply.Party is { } party ? [party] : owers;
            var target = all.FirstOrDefault(o => o.Planned.Opens <= day && who.Any(o.IsOpenFor));
            if (target is null) continue;
            switch (reply.Kind)
            {
                case ReplyKind.Done:
                case ReplyKind.Protocol when protocolCloses:
                    foreach (var p in who) target.Done(p, reply.At);
                    break;
                case ReplyKind.Postponed when reply.NewDate is { } newDate:
                    target.Postpone(newDate, reply.At, reply.Comment);
                    break;
            }
        }
        return new ItemOccurrences(all, owers);
    }

    /// <summary>Whether every party is done with the occurrence.</summary>
    public bool IsComplete(OccurrenceState occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return Parties.All(p => !occurrence.IsOpenFor(p));
    }

    /// <summary>
    /// The occurrence a person answers on <paramref name="today"/>: the oldest opened by then that someone still owes;
    /// else the next to open (owed by nobody yet); null when every occurrence is done.
    /// </summary>
    public OccurrenceState? Current(DateOnly today) =>
        All.FirstOrDefault(o => o.Planned.Opens <= today && !IsComplete(o)) ?? All.FirstOrDefault(o => o.Planned.Opens > today);

    /// <summary>The occurrence planned after <paramref name="occurrence"/>, if any.</summary>
    public OccurrenceState? After(OccurrenceState occurrence)
    {
        var index = _all.IndexOf(occurrence);
        return index >= 0 && index + 1 < _all.Count ? _all[index + 1] : null;
    }

    /// <summary>When the last occurrence was done by its last party; null while one is open.</summary>
    public DateTimeOffset? CompletedAt() =>
        All.All(IsComplete) ? Parties.Max(p => All[^1].DoneAt[p]) : null;
}
