namespace NokoBot.Storage;

/// <summary>
/// The council's public status page switch, kept as <c>publicPage</c> in the councils.settings JSON (read back as
/// <c>CouncilSettings.PublicPage</c>); the other settings are left untouched. The chat writes it inside its update's
/// transaction (<see cref="CouncilSettingsStore.SetPublicPageAsync"/>).
/// </summary>
public sealed class CouncilPublicPage(Database database)
{
    public async Task SetAsync(long councilId, bool on, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await CouncilSettingsStore.SetPublicPageAsync(connection, null, councilId, on, ct);
    }
}
