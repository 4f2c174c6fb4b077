namespace NokoBot.Domain.Replies;

/// <summary>
/// The state of one item, derived from its replies in order. For an item due several times (recurring, series) the
/// parties and the postponement are those of the occurrence a reply is about now (<see cref="Occurrence"/>).
/// </summary>
/// <param name="DoneParties">Parties that reported done (owe nothing now). The item is closed when all of its parties have.</param>
/// <param name="PostponedTo">The latest postponement's date, if any.</param>
public sealed record ItemProgress(
    bool IsClosed,
    DateTimeOffset? ClosedAt,
    IReadOnlySet<string> DoneParties,
    DateOnly? PostponedTo,
    string? PostponeReason,
    DateOnly? PostponedFrom,
    ProtocolFile? Protocol)
{
    public static ItemProgress Of(IReadOnlyList<string> parties, IEnumerable<Reply> replies, string plannedResult) =>
        Of(parties, replies, ProtocolClosesItem(plannedResult));

    /// <param name="protocolCloses">Whether a protocol reply closes the item (its planned result is a protocol).</param>
    public static ItemProgress Of(IReadOnlyList<string> parties, IEnumerable<Reply> replies, bool protocolCloses)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? closedAt = null;
        DateOnly? postponedTo = null, postponedFrom = null;
        string? reason = null;
        ProtocolFile? protocol = null;

        foreach (var reply in replies.OrderBy(r => r.At))
        {
            switch (reply.Kind)
            {
                case ReplyKind.Done when reply.Party is not null:
                    done.Add(reply.Party);
                    if (closedAt is null && parties.Count > 0 && parties.All(done.Contains)) closedAt = reply.At;
                    break;
                case ReplyKind.Done:
                case ReplyKind.Closed:
                    closedAt ??= reply.At;
                    break;
                case ReplyKind.Postponed:
                    postponedFrom = postponedTo;
                    postponedTo = reply.NewDate;
                    reason = reply.Comment;
                    break;
                case ReplyKind.Protocol:
                    protocol = reply.File;
                    if (protocolCloses) closedAt ??= reply.At;
                    break;
            }
        }
        return new ItemProgress(closedAt is not null, closedAt, done, postponedTo, reason, postponedFrom, protocol);
    }

    /// <summary>
    /// An item due several times, as of the council-local <paramref name="today"/>: closed when its last occurrence is
    /// done, or the secretary closed it; the rest describes <see cref="ItemOccurrences.Current"/>.
    /// </summary>
    public static ItemProgress Of(ItemOccurrences occurrences, IEnumerable<Reply> replies, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var ordered = replies.OrderBy(r => r.At).ToList();
        DateTimeOffset? closedAt = ordered.FirstOrDefault(r => r.Kind == ReplyKind.Closed)?.At;
        if (occurrences.CompletedAt() is { } completed && (closedAt is null || completed < closedAt)) closedAt = completed;
        var current = occurrences.Current(today);
        var waiting = current is not null && current.Planned.Opens > today;
        var parties = occurrences.Parties.Where(p => p.Length > 0);
        var done = new HashSet<string>(current is null || waiting ? parties : parties.Where(p => !current.IsOpenFor(p)), StringComparer.Ordinal);
        var moved = current is { Dues.Count: > 1 } ? current.Dues : null;
        return new ItemProgress(closedAt is not null, closedAt, done, moved?[^1].Due, moved?[^1].Reason, moved?[^2].Due,
            ordered.LastOrDefault(r => r.Kind == ReplyKind.Protocol)?.File)
        {
            Occurrences = occurrences,
            Occurrence = current,
            Waiting = waiting,
        };
    }

    /// <summary>For an item due several times: its occurrences as the replies left them; null for an item due once.</summary>
    public ItemOccurrences? Occurrences { get; init; }

    /// <summary>For an item due several times: the occurrence a reply is about now; null when due once or all are done.</summary>
    public OccurrenceState? Occurrence { get; init; }

    /// <summary>Every party answered the occurrence before: nothing is owed until the next one opens (the day after that fell due).</summary>
    public bool Waiting { get; init; }

    public bool Repeats => Occurrences is not null;

    /// <summary>For an item due several times: the planned due date of the occurrence after <see cref="Occurrence"/>, if any.</summary>
    public DateOnly? NextOccurrenceDue => Occurrence is { } current ? Occurrences?.After(current)?.Planned.Due : null;

    /// <summary>Whether the party still owes this item (for an item due several times: the occurrence due now).</summary>
    public bool IsOpenFor(string party) => !IsClosed && !DoneParties.Contains(party);

    /// <summary>Whether the party still owes the occurrence that was due on <paramref name="due"/> (an item due once: the item).</summary>
    public bool IsOpenFor(string party, DateOnly due)
    {
        if (IsClosed) return false;
        var occurrence = Occurrences?.All.FirstOrDefault(o => o.Dues.Any(d => d.Due == due));
        return occurrence is null ? IsOpenFor(party) : occurrence.IsOpenFor(party);
    }

    /// <summary>«протокол заседания…», «Протоколы»: the result is a meeting protocol.</summary>
    public static bool ProtocolClosesItem(string plannedResult) =>
        plannedResult.Contains("протокол", StringComparison.OrdinalIgnoreCase);
}
