namespace NokoBot.Domain.Replies;

/// <summary>One change a reply makes to the stored plan.</summary>
public abstract record ReplyEffect
{
    private ReplyEffect() { }

    /// <summary>An appended reply (done, postponed, protocol, closed).</summary>
    public sealed record Append(Reply Reply) : ReplyEffect;

    /// <summary>The secretary gave an item its date (<c>/setdue</c>).</summary>
    public sealed record SetDue(long ItemId, DateOnly Due) : ReplyEffect;

    /// <summary>An event that relative deadlines hang on happened (<c>/event</c>).</summary>
    public sealed record RecordEvent(string Name, DateOnly On, long? MemberId) : ReplyEffect;

    /// <summary>The meeting's protocol is attached (its items get <see cref="Append"/>s of their own).</summary>
    public sealed record MeetingProtocol(long MeetingId, ProtocolFile File) : ReplyEffect;
}

/// <summary>Why a reply was refused; the channel words it (Texts) for the person who tried.</summary>
public abstract record ReplyRefusal
{
    private ReplyRefusal() { }

    public sealed record NoSuchItem(string Number) : ReplyRefusal;

    /// <summary>A member acting on an item of parties they do not speak for.</summary>
    public sealed record NotYours(string Number, IReadOnlyList<string> Parties) : ReplyRefusal;

    public sealed record AlreadyClosed(string Number) : ReplyRefusal;

    /// <summary>An item due several times whose occurrence owed now is already done by the actor's parties.</summary>
    /// <param name="Next">When the next occurrence is due, if there is one.</param>
    public sealed record OccurrenceDone(string Number, DateOnly? Next) : ReplyRefusal;

    public sealed record PastDate(DateOnly Date) : ReplyRefusal;

    /// <summary>Only the chair moves a deadline past the plan's year.</summary>
    public sealed record PastPlanYear(int Year) : ReplyRefusal;

    /// <summary>Setting dates, recording events and meeting protocols are the secretary's and the chair's.</summary>
    public sealed record SecretaryOnly : ReplyRefusal;

    /// <summary>The protocol document is over the size limit.</summary>
    public sealed record FileTooLarge(long MaxBytes) : ReplyRefusal;
}

/// <summary>What the reply rules decided: the effects to write, or a refusal.</summary>
public abstract record ReplyDecision
{
    private ReplyDecision() { }

    /// <param name="Parties">The parties a «done» was recorded for (empty when the item was closed for everyone).</param>
    /// <param name="ClosesItem">Whether the item is closed once the effects are written.</param>
    public sealed record Accepted(IReadOnlyList<ReplyEffect> Effects, IReadOnlyList<string> Parties, bool ClosesItem) : ReplyDecision
    {
        /// <summary>An item due several times: the occurrence the reply is about (its due date and the next one's).</summary>
        public (DateOnly Due, DateOnly? Next)? Occurrence { get; init; }

        /// <summary>An item due several times: whether the reply completes its occurrence for every party.</summary>
        public bool ClosesOccurrence { get; init; }
    }

    public sealed record Refused(ReplyRefusal Refusal) : ReplyDecision;

    public static ReplyDecision Refuse(ReplyRefusal refusal) => new Refused(refusal);
}
