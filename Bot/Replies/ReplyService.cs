using System.Data.Common;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Replies;

/// <summary>
/// The one place replies are decided and recorded, for every channel (Telegram, email, the web, the CLI, the
/// simulator): the rules are <see cref="ReplyRules"/>', applied to the council as it stands; the effects are written
/// in one transaction (the caller's, when a Telegram update's offset must commit with them), and the scheduler is
/// told the plan changed.
/// </summary>
public sealed class ReplyService(
    Database database, CouncilSnapshotStore snapshots, ReplyEffectWriter writer, ProtocolFiles files, IPlanChanges changes, TimeProvider time)
{
    /// <summary>Protocol documents are kept up to this size (Telegram hands bots no larger files either).</summary>
    public const long MaxProtocolBytes = 20 * 1024 * 1024;

    private static readonly HashSet<string> ProtocolExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".jpg", ".jpeg", ".png", ".tif", ".tiff",
    };

    /// <summary>Whether a file of this name may be kept as a protocol (documents and scans), whichever channel brought it.</summary>
    public static bool IsProtocolType(string fileName) => ProtocolExtensions.Contains(Path.GetExtension(fileName));

    /// <summary>Decides against the council as it stands; writes nothing.</summary>
    public ReplyOutcome Decide(CouncilSnapshot snapshot, Actor actor, ReplyRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var today = snapshot.Today(now);
        var year = snapshot.Plan?.Year ?? today.Year;
        if (request is ReplyRequest.RecordEvent recorded)
            return Outcome(snapshot, request, ReplyRules.RecordEvent(actor, recorded.Name, recorded.On), null);
        if (request is ReplyRequest.MeetingProtocol protocol) return MeetingProtocol(snapshot, actor, protocol, now);

        var number = request switch
        {
            ReplyRequest.Done d => d.Number,
            ReplyRequest.Postpone p => p.Number,
            ReplyRequest.SetDue s => s.Number,
            ReplyRequest.Protocol p => p.Number,
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, "Unknown reply request."),
        };
        if (snapshot.Item(number) is not { } item)
            return Outcome(snapshot, request, ReplyDecision.Refuse(new ReplyRefusal.NoSuchItem(number)), null);
        var state = snapshot.State(item, today);
        var decision = request switch
        {
            ReplyRequest.Done d => ReplyRules.Done(actor, state, d.Comment, now, d.Party),
            ReplyRequest.Postpone p => ReplyRules.Postpone(actor, state, p.To, p.Reason, today, year, now),
            ReplyRequest.SetDue s => ReplyRules.SetDue(actor, state, s.Due, today, year),
            ReplyRequest.Protocol p => ReplyRules.Protocol(actor, state, p.File, p.Comment, now),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, "Unknown reply request."),
        };
        return Outcome(snapshot, request, decision, item);
    }

    /// <summary>Writes an accepted outcome's effects inside the caller's transaction (nothing for a refusal).</summary>
    public Task WriteAsync(DbConnection connection, DbTransaction? tx, ReplyOutcome outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Decision is ReplyDecision.Accepted accepted
            ? writer.WriteAsync(connection, tx, outcome.CouncilId, accepted.Effects, ct)
            : Task.CompletedTask;
    }

    /// <summary>Decides and, when accepted, writes in one transaction of its own and tells the scheduler.</summary>
    public async Task<ReplyOutcome> ApplyAsync(Council council, Actor actor, ReplyRequest request, CancellationToken ct)
    {
        var outcome = Decide(await snapshots.LoadAsync(council, ct), actor, request);
        if (!outcome.Accepted) return outcome;
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await WriteAsync(connection, tx, outcome, ct);
            await tx.CommitAsync(ct);
        }
        await changes.ChangedAsync(council.Id, ct);
        return outcome;
    }

    /// <summary>Tells the scheduler a council changed after a caller wrote an outcome in its own transaction.</summary>
    public Task ChangedAsync(long councilId, CancellationToken ct) => changes.ChangedAsync(councilId, ct);

    /// <summary>Keeps an uploaded protocol by its SHA-256.</summary>
    /// <returns>null when the content is larger than <paramref name="maxBytes"/> (nothing is kept).</returns>
    public async Task<ProtocolFile?> StoreProtocolAsync(string fileName, Func<Stream, CancellationToken, Task> content, long maxBytes, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName);
        var stored = await files.SaveAsync(content, Path.GetExtension(name), Math.Min(maxBytes, MaxProtocolBytes), ct);
        return stored is null ? null : new ProtocolFile(name, stored.Size, stored.Sha256, stored.Path);
    }

    /// <summary>Items whose relative deadline got a date since <paramref name="before"/> (a protocol or an event dated them), with that date.</summary>
    public async Task<IReadOnlyList<(string Number, DateOnly Due)>> DatedSinceAsync(CouncilSnapshot before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(before);
        var after = await snapshots.LoadAsync(before.Council, ct);
        var today = after.Today(time.GetUtcNow());
        return [.. (after.Plan?.Items ?? [])
            .Where(i => before.Item(i.Id) is { } was && before.AnchorDate(was) is null && after.AnchorDate(i) is not null)
            .Select(i => (i.Number, after.CurrentDue(i, today) ?? today))];
    }

    private static ReplyOutcome MeetingProtocol(CouncilSnapshot snapshot, Actor actor, ReplyRequest.MeetingProtocol request, DateTimeOffset now)
    {
        if (snapshot.Meeting(request.MeetingId) is not { } record)
            return Outcome(snapshot, request, ReplyDecision.Refuse(new ReplyRefusal.NoSuchItem("")), null);
        var items = snapshot.Agenda(record).Where(l => l.ItemNumber is not null)
            .Select(l => snapshot.Item(l.ItemNumber!)).OfType<StoredPlanItem>().ToList();
        var meeting = record.Meeting;
        var today = snapshot.Today(now);
        var decision = ReplyRules.MeetingProtocol(actor, meeting.Id, [.. items.Select(i => snapshot.State(i, today))], request.File,
            ReplyTexts.MeetingProtocolComment(meeting.LocalStart), snapshot.StartOf(meeting), now);
        var recorded = items.Where(i => !snapshot.Progress(i, today).IsClosed).ToList();
        return new ReplyOutcome(snapshot.Council.Id, request, decision, null,
            [.. recorded.Select(i => i.Number)], [.. recorded.Where(i => ItemProgress.ProtocolClosesItem(i.Result)).Select(i => i.Number)]);
    }

    private static ReplyOutcome Outcome(CouncilSnapshot snapshot, ReplyRequest request, ReplyDecision decision, StoredPlanItem? item) =>
        new(snapshot.Council.Id, request, decision, item, [], []);
}
