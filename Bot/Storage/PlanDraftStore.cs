using System.Data.Common;
using Dapper;
using NokoBot.Domain.Plans;

namespace NokoBot.Storage;

/// <summary>Plan drafts waiting for the secretary's confirmation (<c>plan_drafts</c>).</summary>
public sealed class PlanDraftStore(Database database)
{
    /// <summary>How long a preview can be confirmed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <returns>The draft's id.</returns>
    public static Task<long> AddAsync(
        DbConnection connection, DbTransaction? tx, long councilId, long? memberId, int year, DraftSource source, string fileName, string sha256,
        PlanImport import, IReadOnlyList<string> optional, string? baseSha256, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(import);
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO plan_drafts (council_id, member_id, year, source, file_name, sha256, items, warnings, layout, optional, base_sha256, created_at, expires_at)
            VALUES (@councilId, @memberId, @year, @source, @fileName, @sha256, @items, @warnings, @layout, @optional, @baseSha256, @now, @expires)
            RETURNING id
            """,
            new
            {
                councilId, memberId, year, source = source == DraftSource.Upload ? "upload" : "rollover", fileName, sha256,
                items = PlanItemsJson.Write(import.Items), warnings = PlanItemsJson.WriteStrings(import.Warnings),
                layout = PlanItemsJson.WriteLayout(import.Layout),
                optional = PlanItemsJson.WriteStrings(optional), baseSha256, now = now.ToUnixTimeMilliseconds(),
                expires = (now + Lifetime).ToUnixTimeMilliseconds(),
            }, tx, cancellationToken: ct));
    }

    public async Task<PlanDraft?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, council_id AS CouncilId, member_id AS MemberId, year AS Year, source AS Source, file_name AS FileName,
                   sha256 AS Sha256, items AS Items, warnings AS Warnings, layout AS Layout, optional AS Optional, kept AS Kept, base_sha256 AS BaseSha256,
                   created_at AS CreatedAt, expires_at AS ExpiresAt, outcome AS Outcome
            FROM plan_drafts WHERE id = @id
            """, new { id }, cancellationToken: ct));
        return row?.ToDraft();
    }

    /// <summary>Ends a draft (imported or cancelled) inside the caller's transaction.</summary>
    /// <returns>false when it had already been settled: a second press changes nothing.</returns>
    public static async Task<bool> SettleAsync(DbConnection connection, DbTransaction? tx, long id, bool imported, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plan_drafts SET settled_at = @now, outcome = @outcome WHERE id = @id AND settled_at IS NULL",
            new { id, now = now.ToUnixTimeMilliseconds(), outcome = imported ? "imported" : "cancelled" }, tx, cancellationToken: ct)) == 1;

    /// <summary>The unfinished items a rollover draft keeps.</summary>
    public static Task SetKeptAsync(DbConnection connection, DbTransaction? tx, long id, IEnumerable<string> kept, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plan_drafts SET kept = @kept WHERE id = @id AND settled_at IS NULL",
            new { id, kept = PlanItemsJson.WriteStrings(kept) }, tx, cancellationToken: ct));

    /// <summary>How many drafts the member started since <paramref name="since"/> (uploads are limited per minute).</summary>
    public async Task<int> CountSinceAsync(long memberId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM plan_drafts WHERE member_id = @memberId AND created_at >= @since",
            new { memberId, since = since.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long CouncilId { get; set; }
        public long? MemberId { get; set; }
        public long Year { get; set; }
        public string Source { get; set; } = "";
        public string FileName { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string Items { get; set; } = "[]";
        public string Warnings { get; set; } = "[]";
        public string? Layout { get; set; }
        public string Optional { get; set; } = "[]";
        public string Kept { get; set; } = "[]";
        public string? BaseSha256 { get; set; }
        public long CreatedAt { get; set; }
        public long ExpiresAt { get; set; }
        public string? Outcome { get; set; }

        public PlanDraft ToDraft() => new(
            Id, CouncilId, MemberId, (int)Year, Source == "upload" ? DraftSource.Upload : DraftSource.Rollover, FileName, Sha256,
            new PlanImport(PlanItemsJson.Read(Items), PlanItemsJson.ReadStrings(Warnings), PlanItemsJson.ReadLayout(Layout)), PlanItemsJson.ReadStrings(Optional),
            PlanItemsJson.ReadStrings(Kept).ToHashSet(StringComparer.Ordinal), BaseSha256,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt), Outcome);
    }
}
