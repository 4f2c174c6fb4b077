using Dapper;

namespace NokoBot.Storage;

/// <summary>A stored protocol as a download: the name it was uploaded under and where its copy is.</summary>
public sealed record ProtocolDownload(string FileName, string StoredPath);

/// <summary>Finds a protocol of one council by its SHA-256: a meeting's, or one attached to an item.</summary>
public sealed class ProtocolDownloads(Database database, ProtocolFiles files)
{
    /// <returns>null when the council has no protocol with that hash, or its copy is gone.</returns>
    public async Task<ProtocolDownload?> FindAsync(long councilId, string sha256, CancellationToken ct)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) return null;
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT protocol_name AS FileName, protocol_path AS StoredPath FROM meetings WHERE council_id = @councilId AND protocol_sha256 = @sha256
            UNION ALL
            SELECT r.file_name, r.file_path FROM replies r JOIN plan_items i ON i.id = r.item_id JOIN plans p ON p.id = i.plan_id
            WHERE p.council_id = @councilId AND r.file_sha256 = @sha256
            LIMIT 1
            """, new { councilId, sha256 }, cancellationToken: ct));
        if (row?.FileName is null) return null;
        if (row.StoredPath is { } path && File.Exists(path)) return new ProtocolDownload(row.FileName, path);
        // The database was restored elsewhere: the copy is in this database's protocols/ folder under its hash.
        var moved = Directory.Exists(files.Folder) ? Directory.EnumerateFiles(files.Folder, sha256 + ".*").FirstOrDefault() : null;
        return moved is null ? null : new ProtocolDownload(row.FileName, moved);
    }

    private sealed class Row
    {
        public string? FileName { get; set; }
        public string? StoredPath { get; set; }
    }
}
