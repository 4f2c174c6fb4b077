using System.Data.Common;
using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Inbox;

/// <summary>
/// Handles one letter from the mailbox, exactly once: it is recorded (by its place and its Message-Id) in the same
/// transaction as its effects — the reply, the one answer queued in the outbox, an address marked failing — so a letter
/// seen again after a restart, or delivered twice, changes nothing. Unknown senders, automatic letters and letters over
/// <see cref="MaxLetterBytes"/> are recorded and never answered.
/// </summary>
public sealed class LetterHandler(
    Database database, InboundLetters letters, DeliveryLedger ledger, CouncilSnapshotStore snapshots, MemberDirectory members,
    ReplyService replies, Outbox outbox, IPlanChanges changes, TimeProvider time, ILogger<LetterHandler> logger)
{
    /// <summary>Larger letters are not downloaded, nor answered.</summary>
    public const long MaxLetterBytes = 25 * 1024 * 1024;

    /// <summary>
    /// Decides what the letter asks for against the councils as the batch's earlier letters left them; nothing is
    /// written until <see cref="CommitAsync"/>.
    /// </summary>
    public async Task DecideAsync(LetterPlace place, InboxLetter letter, LetterBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(batch);
        var verdict = letter.Bounces is { } bounces ? await BounceAsync(bounces, ct)
            : letter.Automatic is { } why ? Ignored(LetterOutcomes.Automatic, why)
            : await ReplyAsync(letter, batch, ct);
        verdict.Decided?.Invoke(batch);
        batch.Add(new PendingLetter(place, letter.MessageId, letter.Sender, verdict));
    }

    /// <summary>Looks up the senders of a batch's letters at once, before they are decided one by one.</summary>
    public Task PrepareAsync(IEnumerable<InboxLetter> letters, LetterBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(batch);
        return batch.KnowSendersAsync(members, letters.Select(l => l.Sender).OfType<string>(), ct);
    }

    /// <summary>A letter too large to download: recorded from its envelope, never answered.</summary>
    public void TooLarge(LetterPlace place, string? messageId, string? sender, long size, LetterBatch batch)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(batch);
        InboxLog.TooLarge(logger, place.Uid, size);
        batch.Add(new PendingLetter(place, messageId, sender, new Verdict(LetterOutcomes.TooLarge)));
    }

    /// <summary>A letter that could not be parsed: recorded so it is not tried forever, never answered.</summary>
    public void Unreadable(LetterPlace place, string? messageId, string? sender, string reason, LetterBatch batch)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(batch);
        InboxLog.Unreadable(logger, place.Uid, reason);
        batch.Add(new PendingLetter(place, messageId, sender, new Verdict(LetterOutcomes.Unreadable)));
    }

    private Verdict Ignored(string outcome, string why)
    {
        InboxLog.Ignored(logger, outcome, why);
        return new Verdict(outcome);
    }

    /// <summary>
    /// Records the batch's letters with their effects in one transaction: a letter recorded before (by its place or its
    /// Message-Id) is skipped with its effects. Then the scheduler is told, so answers and notices go out.
    /// </summary>
    /// <returns>How many letters were recorded now.</returns>
    public async Task<int> CommitAsync(LetterBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var recorded = new List<PendingLetter>();
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var pending in batch.Pending)
            {
                var (place, verdict) = (pending.Place, pending.Verdict);
                var letter = new InboundLetter(place.Mailbox, place.UidValidity, place.Uid, pending.MessageId, pending.Sender, verdict.CouncilId, verdict.MemberId, verdict.Outcome);
                if (await letters.RecordAsync(connection, tx, letter, ct) is not { } id)
                {
                    InboxLog.Duplicate(logger, place.Uid, pending.MessageId ?? "");
                    continue;
                }
                if (verdict.Write is { } write) await write(connection, tx, id, ct);
                recorded.Add(pending);
            }
            await tx.CommitAsync(ct);
        }
        batch.Committed();
        foreach (var pending in recorded) InboxLog.Handled(logger, pending.Place.Uid, pending.Verdict.Outcome, pending.Verdict.MemberId);
        foreach (var council in recorded.Where(p => p.Verdict.Changed).Select(p => p.Verdict.CouncilId).OfType<long>().Distinct())
            await changes.ChangedAsync(council, ct);
        return recorded.Count;
    }

    /// <summary>A delivery status notification: a permanent failure marks the members with that address failing, and their secretaries are told once.</summary>
    private async Task<Verdict> BounceAsync(IReadOnlyList<BouncedAddress> bounces, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var failing = new List<(AddressedMember Member, BouncedAddress Bounce, CouncilSnapshot Snapshot)>();
        foreach (var bounce in bounces.Where(b => b.Permanent))
            foreach (var member in await members.FindByEmailAsync(bounce.Address, ct))
                if (await snapshots.LoadAsync(member.CouncilId, ct) is { } snapshot) failing.Add((member, bounce, snapshot));
        InboxLog.Bounce(logger, bounces.Count, failing.Count);
        var first = failing.Count > 0 ? failing[0] : default;
        return new Verdict(LetterOutcomes.Bounce, first.Member?.CouncilId, first.Member?.MemberId, async (c, tx, _, token) =>
        {
            foreach (var (member, bounce, snapshot) in failing)
            {
                if (!await MemberDirectory.SetEmailStateAsync(c, tx, member.MemberId, EmailState.Failing, token)) continue;
                var notice = new NoticePayload(member.MemberId, ContactProblem.EmailBounced, bounce.Address, bounce.Status);
                await outbox.EnqueueNoticeAsync(c, tx, snapshot, notice, "bounce-" + bounce.Address, now, token);
            }
        }, failing.Count > 0);
    }

    /// <summary>A member's letter: which member and items, what it asks, decided by the reply service; one answer either way.</summary>
    private async Task<Verdict> ReplyAsync(InboxLetter letter, LetterBatch batch, CancellationToken ct)
    {
        if (letter.Sender is not { } sender) return Ignored(LetterOutcomes.Stranger, "no sender");
        var known = await batch.MembersAsync(members, sender, ct);
        var thread = await ThreadAsync(letter, ct);
        var member = thread is null ? (known.Count > 0 ? known[0] : null) : known.FirstOrDefault(m => m.CouncilId == thread.CouncilId);
        if (member is null || await batch.SnapshotAsync(snapshots, member.CouncilId, ct) is not { } snapshot || snapshot.Member(member.MemberId) is not { } contact)
        {
            InboxLog.Stranger(logger, sender);
            return new Verdict(LetterOutcomes.Stranger);
        }
        if (thread is null && known.Select(m => m.CouncilId).Distinct().Count() > 1)
            return Answer(letter, snapshot.Council.Id, contact.Id, null, [], [LetterTexts.WhichCouncil]);

        var threadItems = thread is null ? [] : thread.ItemIds.Select(snapshot.Item).OfType<StoredPlanItem>().ToList();
        var command = EmailCommandParser.Parse(letter.Subject, letter.Text, snapshot.Today(time.GetUtcNow()));
        if (command is EmailCommand.Unsubscribe) return Unsubscribe(letter, snapshot, contact);
        if (command is EmailCommand.PostponeWithoutDate) return Answer(letter, snapshot.Council.Id, contact.Id, null, [], [LetterTexts.PostponeWithoutDate]);
        if (command is null && letter.Attachments.Count == 0) return Answer(letter, snapshot.Council.Id, contact.Id, null, [], [LetterTexts.NoCommand]);

        var named = command switch
        {
            EmailCommand.Done d => d.Number,
            EmailCommand.Postpone p => p.Number,
            EmailCommand.Protocol p => p.Number,
            _ => null,
        };
        var number = named ?? (threadItems.Count == 1 ? threadItems[0].Number : null);
        if (number is null)
            return Answer(letter, snapshot.Council.Id, contact.Id, null, [],
                [threadItems.Count > 1 ? LetterTexts.WhichItem([.. threadItems.Select(i => i.Number)]) : LetterTexts.NeedNumber]);

        ReplyRequest request;
        switch (command)
        {
            case EmailCommand.Done done:
                request = new ReplyRequest.Done(number, done.Comment);
                break;
            case EmailCommand.Postpone postpone:
                request = new ReplyRequest.Postpone(number, postpone.To, postpone.Reason);
                break;
            default: // «Протокол N», or a file sent in reply to a reminder about one item
                if (letter.Attachments.Count == 0) return Answer(letter, snapshot.Council.Id, contact.Id, null, [number], [LetterTexts.AttachProtocol]);
                var (file, problem) = await ProtocolAsync(letter, ct);
                if (file is null) return Answer(letter, snapshot.Council.Id, contact.Id, null, [number], [problem!]);
                request = new ReplyRequest.Protocol(number, file, (command as EmailCommand.Protocol)?.Comment);
                break;
        }
        var outcome = replies.Decide(snapshot, contact.Actor, request);
        if (outcome.Refusal is { } refusal) InboxLog.Refused(logger, request.GetType().Name, contact.Id, refusal.GetType().Name);
        var answer = Answer(letter, snapshot.Council.Id, contact.Id, outcome, [number], [AnswerWords.For(outcome)]);
        return outcome.Decision is ReplyDecision.Accepted accepted
            ? answer with { Decided = b => b.Recorded(snapshot.Council.Id, accepted.Effects) }
            : answer;
    }

    /// <summary>Our letter this one answers: its council, member and items (the first of In-Reply-To and References that is ours).</summary>
    private async Task<SentLetter?> ThreadAsync(InboxLetter letter, CancellationToken ct)
    {
        var sent = await ledger.FindSentAsync(Channels.Email, letter.Thread, ct);
        if (sent.Count == 0) return null;
        var ours = sent.Where(e => e.ExternalId == sent[0].ExternalId).ToList();
        return new SentLetter(ours[0].CouncilId, [.. ours.Where(e => e.ItemId is not null).Select(e => e.ItemId!.Value).Distinct()]);
    }

    private sealed record SentLetter(long CouncilId, IReadOnlyList<long> ItemIds);

    /// <summary>The letter's first attachment of a protocol's type, kept like a Telegram upload (same types, same size limit).</summary>
    private async Task<(ProtocolFile? File, string? Problem)> ProtocolAsync(InboxLetter letter, CancellationToken ct)
    {
        var part = letter.Attachments.FirstOrDefault(a => ReplyService.IsProtocolType(a.FileName ?? ""));
        if (part is null) return (null, ChatTexts.ProtocolType(letter.Attachments[0].FileName ?? ""));
        var file = await replies.StoreProtocolAsync(part.FileName!, (target, token) => part.Content!.DecodeToAsync(target, token), ReplyService.MaxProtocolBytes, ct);
        return file is null ? (null, ChatTexts.ProtocolTooBig(ReplyService.MaxProtocolBytes)) : (file, null);
    }

    private Verdict Unsubscribe(InboxLetter letter, CouncilSnapshot snapshot, MemberContact contact)
    {
        var now = time.GetUtcNow();
        var answer = Answer(letter, snapshot.Council.Id, contact.Id, null, [], [LetterTexts.Unsubscribed]);
        return answer with
        {
            Outcome = LetterOutcomes.Applied,
            Write = async (c, tx, id, ct) =>
            {
                await answer.Write!(c, tx, id, ct);
                if (!await MemberDirectory.SetEmailStateAsync(c, tx, contact.Id, EmailState.Stopped, ct)) return;
                var notice = new NoticePayload(contact.Id, ContactProblem.EmailStopped, contact.Email, null);
                await outbox.EnqueueNoticeAsync(c, tx, snapshot, notice, "stopped-" + contact.Email, now, ct);
            },
        };
    }

    /// <summary>The one answer to the letter, In-Reply-To it; with an accepted outcome, its effects too.</summary>
    private Verdict Answer(InboxLetter letter, long councilId, long memberId, ReplyOutcome? outcome, IReadOnlyList<string> items, IReadOnlyList<string> lines)
    {
        var recorded = outcome?.Accepted == true;
        IEnumerable<string> self = letter.MessageId is { } id ? [id] : [];
        var payload = new AnswerPayload(recorded, items, letter.MessageId, [.. letter.References.Concat(self)], lines);
        var now = time.GetUtcNow();
        return new Verdict(recorded ? LetterOutcomes.Applied : LetterOutcomes.Refused, councilId, memberId, async (c, tx, letterId, ct) =>
        {
            if (recorded) await replies.WriteAsync(c, tx, outcome!, ct);
            await outbox.EnqueueAnswerAsync(c, tx, councilId, memberId, letterId, payload, now, ct);
        }, Changed: true);
    }
}
