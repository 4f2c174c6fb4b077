using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Texts;

namespace NokoBot.Inbox;

/// <summary>What an answer letter says about a decided reply: the chat's words for what was recorded, the letter's for a refusal.</summary>
public static class AnswerWords
{
    public static string For(ReplyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Refusal is { } refusal) return LetterTexts.Refusal(refusal);
        var accepted = (ReplyDecision.Accepted)outcome.Decision;
        var item = outcome.Item!;
        return outcome.Request switch
        {
            ReplyRequest.Done => ReplyTexts.Done(item.Number, item.Title, accepted),
            ReplyRequest.Postpone p => ReplyTexts.Postponed(item.Number, item.Title, p.To, p.Reason),
            ReplyRequest.Protocol p => ReplyTexts.ProtocolStored(item.Number, item.Title, p.File.FileName, accepted),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Request, "Not a request a letter makes."),
        };
    }
}
