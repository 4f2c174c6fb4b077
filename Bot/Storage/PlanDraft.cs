using NokoBot.Domain.Plans;

namespace NokoBot.Storage;

/// <summary>Where a draft came from.</summary>
public enum DraftSource { Upload, Rollover }

/// <summary>
/// A plan shown to the secretary and not yet written: an uploaded file as read, or next year's draft. Only its author
/// confirms it, once, before it expires; <see cref="BaseSha256"/> is the stored plan it was compared with.
/// </summary>
/// <param name="Optional">Rollover: the unfinished items the secretary keeps or drops.</param>
/// <param name="Kept">Those of them kept.</param>
public sealed record PlanDraft(
    long Id, long CouncilId, long? MemberId, int Year, DraftSource Source, string FileName, string Sha256, PlanImport Import,
    IReadOnlyList<string> Optional, IReadOnlySet<string> Kept, string? BaseSha256, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? Outcome)
{
    public bool Settled => Outcome is not null;

    /// <summary>The plan to import: every item, less the optional ones not kept.</summary>
    public PlanImport ToImport() => Optional.Count == 0
        ? Import
        : new PlanImport([.. Import.Items.Where(i => !Optional.Contains(i.Number, StringComparer.Ordinal) || Kept.Contains(i.Number))], Import.Warnings, Import.Layout);
}
