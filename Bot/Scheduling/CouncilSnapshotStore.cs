using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using NokoBot.Domain.Councils;
using NokoBot.Storage;

namespace NokoBot.Scheduling;

/// <summary>Reads <see cref="CouncilSnapshot"/>s from SQLite.</summary>
public sealed class CouncilSnapshotStore(SqliteDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Every council's snapshot, one at a time: a pass over ten thousand councils holds one plan, not all of them.</summary>
    public async IAsyncEnumerable<CouncilSnapshot> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var council in await new CouncilStore(database, time).ListAsync(ct)) yield return await LoadAsync(council, ct);
    }

    public async Task<CouncilSnapshot> LoadAsync(Council council, CancellationToken ct)
    {
        var plan = await new PlanStore(database, time).FindAsync(council.Id, null, ct);
        var replies = plan is null ? [] : await new ReplyStore(database).ForPlanAsync(plan.Id, ct);
        await using var connection = await database.OpenAsync(ct);
        var settingsJson = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT settings FROM councils WHERE id = @Id", new { council.Id }, cancellationToken: ct));
        var events = await connection.QueryAsync<(string Name, string Day)>(new CommandDefinition(
            "SELECT name, occurred_on FROM events WHERE council_id = @Id ORDER BY occurred_on, id", new { council.Id }, cancellationToken: ct));
        var members = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            """
            SELECT id AS Id, name AS Name, role AS Role, telegram_chat_id AS TelegramChatId,
                   telegram_unreachable AS TelegramUnreachable, email AS Email
            FROM members WHERE council_id = @Id ORDER BY id
            """, new { council.Id }, cancellationToken: ct));
        var parties = (await connection.QueryAsync<(long MemberId, string Party)>(new CommandDefinition(
            """
            SELECT mp.member_id, pa.name FROM member_parties mp JOIN parties pa ON pa.id = mp.party_id
            WHERE pa.council_id = @Id ORDER BY pa.name
            """, new { council.Id }, cancellationToken: ct))).ToLookup(r => r.MemberId, r => r.Party);

        return new CouncilSnapshot(
            council,
            ParseSettings(settingsJson),
            TimeZoneInfo.FindSystemTimeZoneById(council.TimeZone),
            plan,
            replies,
            [.. events.Select(e => new CouncilEvent(e.Name, DeadlineColumns.Parse(e.Day)))],
            [.. members.Select(m => new MemberContact(
                m.Id, m.Name, MemberRoles.ParseOrMember(m.Role),
                m.TelegramChatId, m.TelegramUnreachable != 0, m.Email, [.. parties[m.Id]]))]);
    }

    public static CouncilSettings ParseSettings(string? json) =>
        string.IsNullOrWhiteSpace(json) ? CouncilSettings.Default
            : JsonSerializer.Deserialize<CouncilSettings>(json, SettingsJson) ?? CouncilSettings.Default;

    private sealed class MemberRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Role { get; set; } = "member";
        public long? TelegramChatId { get; set; }
        public long TelegramUnreachable { get; set; }
        public string? Email { get; set; }
    }
}
