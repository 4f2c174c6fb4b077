using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Storage;

namespace NokoBot.Desk;

/// <summary>
/// The secretary's plan desk, for every channel: a file read into a draft (the same reader and limits as
/// <c>plan import</c>), next year's draft from this year's plan, the preview of a draft (or its difference from the
/// year's stored plan), the checks a confirmation passes, and the import itself — one transaction, the caller's.
/// </summary>
public sealed class PlanDesk(
    PlanStore plans, ReplyStore replies, MemberDirectory members, CouncilSnapshotStore snapshots, ProductionCalendar calendar, TimeProvider time)
{
    /// <summary>Uploads a member may send in a minute; more are refused without being downloaded.</summary>
    public const int UploadsPerMinute = 3;

    /// <summary>Deadlines are read on the production calendar: a year it has no data for is refused.</summary>
    public DeskRefusal? CheckYear(int year) =>
        calendar.Years.Contains(year) ? null : new DeskRefusal.YearNotInCalendar(year, [.. calendar.Years.Order()]);

    /// <summary>An uploaded file as a draft for <paramref name="year"/>, or why not.</summary>
    public async Task<(DraftRequest? Draft, DeskRefusal? Refusal)> ReadUploadAsync(
        Council council, long? memberId, byte[] content, string fileName, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(council);
        if (CheckYear(year) is { } refusal) return (null, refusal);
        PlanFile file;
        try
        {
            file = PlanFileReader.Read(content, fileName, year);
        }
        catch (PlanFormatException e)
        {
            return (null, new DeskRefusal.NotAPlan(e.Message));
        }
        var existing = await plans.FindAsync(council.Id, year, ct);
        return (new DraftRequest(council.Id, memberId, year, DraftSource.Upload, file.FileName, file.Sha256, file.Import, [], existing?.SourceSha256), null);
    }

    /// <summary>
    /// Next year's draft: the plan of <paramref name="toYear"/> − 1 with its recurring and continuous items carried
    /// over and its unfinished items offered (dropped until kept).
    /// </summary>
    public async Task<(DraftRequest? Draft, DeskRefusal? Refusal)> RolloverAsync(Council council, long? memberId, int toYear, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(council);
        if (CheckYear(toYear) is { } refusal) return (null, refusal);
        if (await plans.FindAsync(council.Id, toYear, ct) is not null) return (null, new DeskRefusal.YearExists(toYear));
        if (await plans.FindAsync(council.Id, toYear - 1, ct) is not { } from) return (null, new DeskRefusal.NoPlanToRoll(toYear - 1));
        var snapshot = await snapshots.LoadAsync(council, ct);
        if (snapshot.Plan?.Id != from.Id) snapshot = snapshot with { Plan = from, Replies = await replies.ForPlanAsync(from.Id, ct) };
        var draft = PlanRollover.Draft([.. from.Items.Select(i => new EndingItem(ToPlanItem(i), snapshot.Progress(i, new DateOnly(from.Year, 12, 31)).IsClosed))], from.Year, toYear, calendar);
        var order = from.Items.Select(i => i.Number).ToList();
        var all = draft.With(draft.Unfinished.Select(i => i.Number).ToHashSet(StringComparer.Ordinal), order);
        var fileName = $"{council.Slug}-{toYear}-rollover";
        return (new DraftRequest(council.Id, memberId, toYear, DraftSource.Rollover, fileName, Sha(fileName, all), all,
            [.. draft.Unfinished.Select(i => i.Number)], null), null);
    }

    /// <summary>A rollover draft as it will be imported: its unfinished items only where <paramref name="kept"/> names them.</summary>
    public static PlanImport Chosen(DraftRequest request, IReadOnlySet<string> kept)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kept);
        return new PlanImport([.. request.Import.Items.Where(i => !request.Optional.Contains(i.Number, StringComparer.Ordinal) || kept.Contains(i.Number))],
            request.Import.Warnings);
    }

    /// <summary>Imports a rollover draft straight away (the CLI: the secretary has seen it, and said which unfinished items stay).</summary>
    public Task<PlanImportOutcome> ImportAsync(DraftRequest request, IReadOnlySet<string> kept, CancellationToken ct)
    {
        var chosen = Chosen(request, kept);
        return plans.ImportAsync(request.CouncilId, request.Year, request.FileName, Sha(request.FileName, chosen), chosen, ct);
    }

    /// <summary>How the draft reads now: its items, or its difference from the year's stored plan.</summary>
    public async Task<PlanPreview> PreviewAsync(PlanDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var existing = await plans.FindAsync(draft.CouncilId, draft.Year, ct);
        var latest = await plans.FindAsync(draft.CouncilId, null, ct);
        var linked = (await members.ContactsAsync(draft.CouncilId, ct)).SelectMany(m => m.Parties).ToHashSet(StringComparer.Ordinal);
        var effective = draft.ToImport();
        var items = draft.Import.Items.Select(i =>
        {
            var optional = draft.Optional.Contains(i.Number, StringComparer.Ordinal);
            return new PreviewItem(i.Number, i.Title, i.DeadlineText, i.Deadline, optional, !optional || draft.Kept.Contains(i.Number));
        }).ToList();
        var diff = existing is null ? null : PlanDiff.Compare([.. existing.Items.Select(ToPlanItem)], effective.Items);
        var repliesKept = existing is null ? 0 : (await replies.ForPlanAsync(existing.Id, ct)).Count;
        var (needDate, waiting) = PlanPreview.Attention(effective.Items);
        var unlinked = effective.Items.SelectMany(i => i.Responsible).Distinct(StringComparer.Ordinal).Where(p => !linked.Contains(p)).Order(StringComparer.Ordinal).ToList();
        return new PlanPreview(draft.Year, draft.Source == DraftSource.Upload ? PreviewSource.Upload : PreviewSource.Rollover, draft.FileName, items, diff,
            repliesKept, needDate, waiting, unlinked, effective.Warnings, latest is { } l && l.Year < draft.Year ? l.Year : null, draft.ExpiresAt,
            draft.Import.Layout);
    }

    /// <summary>
    /// Whether <paramref name="memberId"/> may act on the draft now: it is theirs, in their council, not settled, not
    /// expired, and the plan it was compared with has not changed since.
    /// </summary>
    public async Task<DeskRefusal?> CheckAsync(PlanDraft? draft, long councilId, long memberId, CancellationToken ct)
    {
        if (draft is null || draft.CouncilId != councilId) return new DeskRefusal.NoDraft();
        if (draft.MemberId != memberId) return new DeskRefusal.NotYours();
        if (draft.Settled) return new DeskRefusal.AlreadySettled(draft.Outcome == "imported");
        if (time.GetUtcNow() >= draft.ExpiresAt) return new DeskRefusal.Expired();
        var stored = await plans.FindAsync(draft.CouncilId, draft.Year, ct);
        return stored?.SourceSha256 != draft.BaseSha256 ? new DeskRefusal.PlanChanged() : null;
    }

    /// <summary>Writes the draft as the year's plan and marks it imported, inside the caller's transaction.</summary>
    /// <returns>null when the draft had been settled meanwhile (nothing is written).</returns>
    public async Task<PlanImportOutcome?> ImportAsync(DbConnection connection, DbTransaction tx, PlanDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await PlanDraftStore.SettleAsync(connection, tx, draft.Id, imported: true, time.GetUtcNow(), ct)) return null;
        var import = draft.ToImport();
        var sha = draft.Source == DraftSource.Upload ? draft.Sha256 : Sha(draft.FileName, import);
        return await plans.ImportAsync(connection, tx, draft.CouncilId, draft.Year, draft.FileName, sha, import, ct);
    }

    /// <summary>Stores a draft inside the caller's transaction.</summary>
    public Task<long> AddAsync(DbConnection connection, DbTransaction? tx, DraftRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PlanDraftStore.AddAsync(connection, tx, request.CouncilId, request.MemberId, request.Year, request.Source, request.FileName,
            request.Sha256, request.Import, request.Optional, request.BaseSha256, time.GetUtcNow(), ct);
    }

    public static PlanItem ToPlanItem(StoredPlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new PlanItem(item.Number, item.Section, item.Title, item.Parties, item.Deadline.Text, item.Deadline, item.Result);
    }

    /// <summary>A drafted plan's fingerprint: the same items give the same one.</summary>
    private static string Sha(string name, PlanImport import) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        name + "\n" + string.Join("\n", import.Items.Select(i => $"{i.Number}\t{i.Title}\t{string.Join(";", i.Responsible)}\t{i.DeadlineText}\t{DeadlineNames.Of(i.Deadline.Kind)}\t{i.Result}")))));
}
