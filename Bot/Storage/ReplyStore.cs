using Dapper;
using NokoBot.Domain.Replies;

namespace NokoBot.Storage;

/// <summary>The append-only reply log.</summary>
public sealed class ReplyStore(Database database)
{
    public async Task<long> AppendAsync(Reply reply, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await AppendAsync(connection, null, reply, ct);
    }

    /// <summary>Appends inside a caller's transaction (e.g. together with the Telegram update offset).</summary>
    public static Task<long> AppendAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, Reply reply, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO replies (item_id, member_id, party_id, kind, comment, new_date, file_name, file_size, file_sha256, file_path, created_at)
            VALUES (@ItemId, @MemberId,
                    (SELECT pa.id FROM parties pa JOIN plans p ON p.council_id = pa.council_id
                     JOIN plan_items i ON i.plan_id = p.id WHERE i.id = @ItemId AND pa.name = @Party),
                    @Kind, @Comment, @NewDate, @FileName, @FileSize, @FileSha256, @FilePath, @At)
            RETURNING id
            """,
            new
            {
                reply.ItemId, reply.MemberId, reply.Party, Kind = reply.Kind.ToName(), reply.Comment,
                NewDate = reply.NewDate is { } d ? DeadlineColumns.Format(d) : null,
                FileName = reply.File?.FileName, FileSize = reply.File?.Size, FileSha256 = reply.File?.Sha256,
                FilePath = reply.File?.StoredPath, At = reply.At.ToUnixTimeMilliseconds(),
            }, tx, cancellationToken: ct));

    /// <summary>Every reply to the items of a plan, oldest first.</summary>
    public async Task<IReadOnlyList<Reply>> ForPlanAsync(long planId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ReplyRow>(new CommandDefinition(
            """
            SELECT r.item_id AS ItemId, r.kind AS Kind, r.created_at AS At, pa.name AS Party, r.member_id AS MemberId,
                   r.comment AS Comment, r.new_date AS NewDate, r.file_name AS FileName, r.file_size AS FileSize,
                   r.file_sha256 AS FileSha256, r.file_path AS FilePath
            FROM replies r JOIN plan_items i ON i.id = r.item_id LEFT JOIN parties pa ON pa.id = r.party_id
            WHERE i.plan_id = @planId ORDER BY r.created_at, r.id
            """, new { planId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToReply())];
    }

    private sealed class ReplyRow
    {
        public long ItemId { get; set; }
        public string Kind { get; set; } = "";
        public long At { get; set; }
        public string? Party { get; set; }
        public long? MemberId { get; set; }
        public string? Comment { get; set; }
        public string? NewDate { get; set; }
        public string? FileName { get; set; }
        public long? FileSize { get; set; }
        public string? FileSha256 { get; set; }
        public string? FilePath { get; set; }

        public Reply ToReply() => new(
            ItemId, ReplyKinds.Parse(Kind), DateTimeOffset.FromUnixTimeMilliseconds(At), Party, MemberId, Comment,
            NewDate is null ? null : DeadlineColumns.Parse(NewDate),
            FileName is null ? null : new ProtocolFile(FileName, FileSize ?? 0, FileSha256 ?? "", FilePath ?? ""));
    }
}
