using NokoBot.Domain.Deadlines;

namespace NokoBot.Storage;

/// <summary>A plan item as stored: the imported row plus what the secretary set since.</summary>
/// <param name="AnchorItemId">For a relative deadline: the item whose completion dates it, when the importer found one.</param>
public sealed record StoredPlanItem(
    long Id,
    string Number,
    string? Section,
    string Title,
    IReadOnlyList<string> Parties,
    Deadline Deadline,
    string Result,
    DateOnly? DueOverride,
    long? AnchorItemId = null);

/// <summary>A council's plan for one year as stored, with the parties nobody is linked to yet.</summary>
public sealed record StoredPlan(
    long Id,
    int Year,
    string SourceFile,
    string SourceSha256,
    IReadOnlyList<StoredPlanItem> Items,
    IReadOnlyList<string> UnlinkedParties);

/// <summary>What an import changed.</summary>
public sealed record PlanImportOutcome(long PlanId, bool Unchanged, int Added, int Updated, int Removed);
