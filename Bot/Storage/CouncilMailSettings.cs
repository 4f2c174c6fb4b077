using System.Text.Json;
using Dapper;

namespace NokoBot.Storage;

/// <summary>
/// The council's digest mailing list, kept as <c>digestRecipients</c> in the councils.settings JSON (next to the
/// reminder settings, which it leaves untouched).
/// </summary>
public sealed class CouncilMailSettings(Database database)
{
    public async Task<IReadOnlyList<string>> DigestRecipientsAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT {database.Provider.JsonGet("settings", "digestRecipients")} FROM councils WHERE id = @councilId",
            new { councilId }, cancellationToken: ct));
        return json is null ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    public async Task SetDigestRecipientsAsync(long councilId, IReadOnlyList<string> addresses, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE councils SET settings = {database.Provider.JsonSet("settings", "digestRecipients", "list")} WHERE id = @councilId",
            new { councilId, list = JsonSerializer.Serialize(addresses) }, cancellationToken: ct));
    }
}
