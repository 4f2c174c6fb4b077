using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Replies;

/// <summary>What the reply service decided about a request, with what a channel needs to answer the person.</summary>
/// <param name="Item">The item the request named, when it named one that exists.</param>
/// <param name="Recorded">For a meeting protocol: the agenda items it was recorded on.</param>
/// <param name="Closed">For a meeting protocol: those of them it closed.</param>
public sealed record ReplyOutcome(
    long CouncilId, ReplyRequest Request, ReplyDecision Decision, StoredPlanItem? Item,
    IReadOnlyList<string> Recorded, IReadOnlyList<string> Closed)
{
    public bool Accepted => Decision is ReplyDecision.Accepted;

    public ReplyRefusal? Refusal => (Decision as ReplyDecision.Refused)?.Refusal;
}
