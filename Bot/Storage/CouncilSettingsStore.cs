using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>
/// Writes the council's settings (councils.settings JSON, read as <see cref="CouncilSettings"/>) inside the caller's
/// transaction: the fields of <see cref="CouncilSettings"/> are replaced, every other key (the digest list, a setting
/// another part keeps there) left as it was.
/// </summary>
public static class CouncilSettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task SetAsync(DbConnection connection, DbTransaction? tx, long councilId, CouncilSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var current = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT settings FROM councils WHERE id = @councilId", new { councilId }, tx, cancellationToken: ct));
        var merged = (string.IsNullOrWhiteSpace(current) ? null : JsonNode.Parse(current) as JsonObject) ?? [];
        foreach (var (key, value) in JsonSerializer.SerializeToNode(settings, Json)!.AsObject()) merged[key] = value?.DeepClone();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE councils SET settings = @json WHERE id = @councilId", new { councilId, json = merged.ToJsonString() }, tx, cancellationToken: ct));
    }

    /// <summary>The digest's mailing list (<c>digestRecipients</c>), inside the caller's transaction.</summary>
    public static Task SetDigestRecipientsAsync(DbConnection connection, DbTransaction? tx, long councilId, IReadOnlyList<string> addresses, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE councils SET settings = {SqlDialect.Of(connection).JsonSet("settings", "digestRecipients", "list")} WHERE id = @councilId",
            new { councilId, list = JsonSerializer.Serialize(addresses) }, tx, cancellationToken: ct));

    /// <summary>The public status page switch (<c>publicPage</c>), inside the caller's transaction; the other settings are left untouched.</summary>
    public static Task SetPublicPageAsync(DbConnection connection, DbTransaction? tx, long councilId, bool on, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE councils SET settings = {SqlDialect.Of(connection).JsonSet("settings", "publicPage", "value")} WHERE id = @councilId",
            new { councilId, value = on ? "true" : "false" }, tx, cancellationToken: ct));
}
