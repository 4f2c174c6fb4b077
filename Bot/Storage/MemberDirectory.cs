using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>Adds members with their contacts and links them to the parties they speak for.</summary>
public sealed class MemberDirectory(SqliteDatabase database, TimeProvider time)
{
    /// <returns>The new member's id.</returns>
    public async Task<long> AddAsync(
        long councilId, string name, MemberRole role, long? telegramChatId, string? email, IEnumerable<string> parties, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO members (council_id, name, role, telegram_user_id, telegram_chat_id, email, created_at)
            VALUES (@councilId, @name, @role, @telegramChatId, @telegramChatId, @email, @now) RETURNING id
            """,
            new { councilId, name, role = role.ToName(), telegramChatId, email, now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct));
        foreach (var party in parties)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO parties (council_id, name) VALUES (@councilId, @party) ON CONFLICT (council_id, name) DO NOTHING;
                INSERT OR IGNORE INTO member_parties (member_id, party_id)
                SELECT @id, id FROM parties WHERE council_id = @councilId AND name = @party;
                """, new { councilId, party, id }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return id;
    }
}
