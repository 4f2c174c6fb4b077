using Dapper;
using NokoBot.Domain.Plans;
using NokoBot.Storage;

namespace NokoBot.Tests.Support;

/// <summary>Seeds a council with a plan and members straight into a test database.</summary>
public static class TestCouncil
{
    public static async Task<long> AddAsync(SqliteDatabase db, TimeProvider time, string slug, string timeZone, int year, PlanImport plan, CancellationToken ct)
    {
        var council = await new CouncilStore(db, time).AddAsync(slug, "Общественный совет " + slug, timeZone, ct);
        await new PlanStore(db, time).ImportAsync(council!.Id, year, slug + ".txt", "sha-" + slug, plan, ct);
        return council.Id;
    }

    /// <returns>The member's id.</returns>
    public static async Task<long> AddMemberAsync(
        SqliteDatabase db, long councilId, string name, string role, long? telegramChatId, string? email, CancellationToken ct, params string[] parties)
    {
        await using var connection = await db.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO members (council_id, name, role, telegram_user_id, telegram_chat_id, email, created_at)
            VALUES (@councilId, @name, @role, @telegramChatId, @telegramChatId, @email, 0) RETURNING id
            """, new { councilId, name, role, telegramChatId, email }, cancellationToken: ct));
        foreach (var party in parties)
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO parties (council_id, name) VALUES (@councilId, @party) ON CONFLICT DO NOTHING;
                INSERT INTO member_parties (member_id, party_id) SELECT @id, id FROM parties WHERE council_id = @councilId AND name = @party;
                """, new { councilId, party, id }, cancellationToken: ct));
        return id;
    }
}
