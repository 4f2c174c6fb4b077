using System.Data.Common;

namespace NokoBot.Inbox;

/// <summary>What a letter's effects write, inside the batch's transaction, given the letter's record id.</summary>
internal delegate Task LetterEffects(DbConnection connection, DbTransaction tx, long letterId, CancellationToken ct);

/// <summary>What to record about a letter and what to write with it.</summary>
/// <param name="Changed">The council's plan or outbox changed: the scheduler is told after the commit.</param>
/// <param name="Decided">What later letters of the same batch must see of this one (the replies it records).</param>
internal sealed record Verdict(
    string Outcome, long? CouncilId = null, long? MemberId = null, LetterEffects? Write = null, bool Changed = false, Action<LetterBatch>? Decided = null);

/// <summary>A letter decided and waiting for its batch's commit.</summary>
internal sealed record PendingLetter(LetterPlace Place, string? MessageId, string? Sender, Verdict Verdict);
