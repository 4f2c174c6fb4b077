namespace NokoBot.Domain.Replies;

/// <summary>The state of one item, derived from its replies in order.</summary>
/// <param name="DoneParties">Parties that reported done. The item is closed when all of its parties have.</param>
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

    /// <summary>Whether the party still owes this item.</summary>
    public bool IsOpenFor(string party) => !IsClosed && !DoneParties.Contains(party);

    /// <summary>«протокол заседания…», «Протоколы»: the result is a meeting protocol.</summary>
    public static bool ProtocolClosesItem(string plannedResult) =>
        plannedResult.Contains("протокол", StringComparison.OrdinalIgnoreCase);
}
