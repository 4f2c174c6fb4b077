using Dapper;

namespace NokoBot.Storage;

/// <summary>
/// The council's public status page switch, kept as <c>publicPage</c> in the councils.settings JSON (read back as
/// <c>CouncilSettings.PublicPage</c>); the other settings are left untouched.
/// </summary>
public sealed class CouncilPublicPage(SqliteDatabase database)
{
    public async Task SetAsync(long councilId, bool on, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE councils SET settings = json_set(settings, '$.publicPage', json(@value)) WHERE id = @councilId",
            new { councilId, value = on ? "true" : "false" }, cancellationToken: ct));
    }
}
