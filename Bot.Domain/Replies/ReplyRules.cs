namespace NokoBot.Domain.Replies;

/// <summary>A plan item as the reply rules see it: its number, parties, planned result and state.</summary>
public sealed record ItemState(long ItemId, string Number, IReadOnlyList<string> Parties, string Result, ItemProgress Progress);

/// <summary>
/// The rules every channel's replies go through (Telegram, email, the web, the CLI, the simulator): who may act on
/// which item, per-party completion, the plan-year limit and the chair's exception. Pure: effects or a refusal.
/// </summary>
public static class ReplyRules
{
    /// <param name="party">A party to report for (the administrator or the secretary naming it); null: the actor's own parties.</param>
    public static ReplyDecision Done(Actor actor, ItemState item, string? comment, DateTimeOffset now, string? party = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        if (Refusal(actor, item) is { } refusal) return ReplyDecision.Refuse(refusal);
        IReadOnlyList<string> own = party is not null
            ? actor.ActsOnAllItems || actor.PartiesOf([party]).Count > 0 ? item.Parties.Where(p => string.Equals(p, party, StringComparison.OrdinalIgnoreCase)).ToList() : []
            : actor.PartiesOf(item.Parties);
        if (party is not null && own.Count == 0) return ReplyDecision.Refuse(new ReplyRefusal.NotYours(item.Number, item.Parties));
        var progress = item.Progress;
        var open = own.Where(progress.IsOpenFor).ToList();
        if (progress.Waiting) return ReplyDecision.Refuse(new ReplyRefusal.OccurrenceDone(item.Number, progress.Occurrence?.Due));
        if (own.Count > 0 && open.Count == 0)
            return ReplyDecision.Refuse(progress.Repeats ? new ReplyRefusal.OccurrenceDone(item.Number, progress.NextOccurrenceDue) : new ReplyRefusal.AlreadyClosed(item.Number));
        // A secretary or chair without a party of this item closes it (an item due several times: its occurrence) for everyone.
        IReadOnlyList<Reply> replies = open.Count > 0
            ? [.. open.Select(p => new Reply(item.ItemId, ReplyKind.Done, now, p, actor.MemberId, comment))]
            : [new Reply(item.ItemId, ReplyKind.Done, now, null, actor.MemberId, comment)];
        var completes = open.Count == 0 || item.Parties.All(p => !progress.IsOpenFor(p) || open.Contains(p, StringComparer.Ordinal));
        var effects = replies.Select(r => new ReplyEffect.Append(r)).ToList<ReplyEffect>();
        if (progress.Occurrence is not { } occurrence) return new ReplyDecision.Accepted(effects, open, completes);
        var next = progress.NextOccurrenceDue;
        return new ReplyDecision.Accepted(effects, open, completes && next is null)
        {
            Occurrence = (occurrence.Due, next),
            ClosesOccurrence = completes,
        };
    }

    public static ReplyDecision Postpone(Actor actor, ItemState item, DateOnly to, string? reason, DateOnly today, int planYear, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        if ((Refusal(actor, item) ?? DateRefusal(actor, to, today, planYear)) is { } refusal) return ReplyDecision.Refuse(refusal);
        // Nothing is owed until the next occurrence opens: there is nothing to move yet.
        if (item.Progress.Waiting) return ReplyDecision.Refuse(new ReplyRefusal.OccurrenceDone(item.Number, item.Progress.Occurrence?.Due));
        var reply = new Reply(item.ItemId, ReplyKind.Postponed, now, null, actor.MemberId, reason, to);
        return new ReplyDecision.Accepted([new ReplyEffect.Append(reply)], [], false);
    }

    /// <summary>A protocol document for one item; it closes the item when the item's planned result is a protocol.</summary>
    public static ReplyDecision Protocol(Actor actor, ItemState item, ProtocolFile file, string? comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        if (!actor.CanActOn(item.Parties)) return ReplyDecision.Refuse(new ReplyRefusal.NotYours(item.Number, item.Parties));
        var reply = new Reply(item.ItemId, ReplyKind.Protocol, now, null, actor.MemberId, comment, File: file);
        var closes = !item.Progress.IsClosed && ItemProgress.ProtocolClosesItem(item.Result);
        if (item.Progress.Occurrence is not { } occurrence || item.Progress.Waiting) return new ReplyDecision.Accepted([new ReplyEffect.Append(reply)], [], closes && !item.Progress.Repeats);
        var next = item.Progress.NextOccurrenceDue;
        return new ReplyDecision.Accepted([new ReplyEffect.Append(reply)], [], closes && next is null)
        {
            Occurrence = (occurrence.Due, next),
            ClosesOccurrence = closes,
        };
    }

    /// <summary>The secretary gives an item its date: not in the past, past the plan year only for the chair.</summary>
    public static ReplyDecision SetDue(Actor actor, ItemState item, DateOnly due, DateOnly today, int planYear)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        if (!actor.ActsOnAllItems) return ReplyDecision.Refuse(new ReplyRefusal.SecretaryOnly());
        if (item.Progress.IsClosed) return ReplyDecision.Refuse(new ReplyRefusal.AlreadyClosed(item.Number));
        if (DateRefusal(actor, due, today, planYear) is { } refusal) return ReplyDecision.Refuse(refusal);
        return new ReplyDecision.Accepted([new ReplyEffect.SetDue(item.ItemId, due)], [], false);
    }

    public static ReplyDecision RecordEvent(Actor actor, string name, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.ActsOnAllItems) return ReplyDecision.Refuse(new ReplyRefusal.SecretaryOnly());
        return new ReplyDecision.Accepted([new ReplyEffect.RecordEvent(name.Trim(), on, actor.MemberId)], [], false);
    }

    /// <summary>
    /// A meeting's protocol, recorded on every open agenda item (closing those whose result is a protocol). The
    /// decisions were taken at the meeting: a protocol of a past meeting speaks for that day, which is what
    /// «в течение 3 дней после рассмотрения…» counts from.
    /// </summary>
    public static ReplyDecision MeetingProtocol(
        Actor actor, long meetingId, IReadOnlyList<ItemState> agendaItems, ProtocolFile file, string comment, DateTimeOffset meetingStart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(agendaItems);
        if (!actor.ActsOnAllItems) return ReplyDecision.Refuse(new ReplyRefusal.SecretaryOnly());
        var decided = meetingStart < now ? meetingStart : now;
        var open = agendaItems.Where(i => !i.Progress.IsClosed).ToList();
        return new ReplyDecision.Accepted(
            [
                .. open.Select(i => new ReplyEffect.Append(new Reply(i.ItemId, ReplyKind.Protocol, decided, null, actor.MemberId, comment, File: file))),
                new ReplyEffect.MeetingProtocol(meetingId, file),
            ],
            [], open.Any(i => ItemProgress.ProtocolClosesItem(i.Result)));
    }

    private static ReplyRefusal? Refusal(Actor actor, ItemState item) =>
        !actor.CanActOn(item.Parties) ? new ReplyRefusal.NotYours(item.Number, item.Parties)
        : item.Progress.IsClosed ? new ReplyRefusal.AlreadyClosed(item.Number)
        : null;

    private static ReplyRefusal? DateRefusal(Actor actor, DateOnly date, DateOnly today, int planYear) =>
        date < today ? new ReplyRefusal.PastDate(date)
        : date.Year > planYear && !actor.MayPassPlanYear ? new ReplyRefusal.PastPlanYear(planYear)
        : null;
}
