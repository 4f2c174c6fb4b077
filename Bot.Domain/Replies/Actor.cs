using NokoBot.Domain.Councils;

namespace NokoBot.Domain.Replies;

/// <summary>Who acts on the plan: a member with their role and parties, or the server's administrator (the CLI).</summary>
/// <param name="MemberId">null for the administrator.</param>
public sealed record Actor(long? MemberId, MemberRole Role, IReadOnlyList<string> Parties)
{
    /// <summary>Whoever runs the server's command line: may do what the secretary and the chair may.</summary>
    public static Actor Administrator { get; } = new(null, MemberRole.Chair, []);

    /// <summary>Secretaries and chairs act on every item; members on their parties' items.</summary>
    public bool ActsOnAllItems => Role is MemberRole.Secretary or MemberRole.Chair;

    /// <summary>The chair (and the administrator) may move a deadline past the plan's year.</summary>
    public bool MayPassPlanYear => Role == MemberRole.Chair;

    /// <summary>The item's parties this actor speaks for.</summary>
    public IReadOnlyList<string> PartiesOf(IReadOnlyList<string> itemParties) =>
        [.. itemParties.Intersect(Parties, StringComparer.OrdinalIgnoreCase)];

    public bool CanActOn(IReadOnlyList<string> itemParties) => ActsOnAllItems || PartiesOf(itemParties).Count > 0;
}
