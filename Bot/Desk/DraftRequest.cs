using NokoBot.Domain.Plans;
using NokoBot.Storage;

namespace NokoBot.Desk;

/// <summary>A draft to store before its preview is shown: what <see cref="PlanDraftStore.AddAsync"/> writes.</summary>
public sealed record DraftRequest(
    long CouncilId, long? MemberId, int Year, DraftSource Source, string FileName, string Sha256, PlanImport Import,
    IReadOnlyList<string> Optional, string? BaseSha256);
