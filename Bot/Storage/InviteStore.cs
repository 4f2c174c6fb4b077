using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>What a redeemed invite made: the member and their council.</summary>
public sealed record LinkedMember(long MemberId, long CouncilId, string CouncilName, string? Party, MemberRole Role);

/// <summary>
/// Single-use, expiring invite codes for linking a Telegram user to a council. A code is 128 random bits in base64url
/// (22 characters, fits Telegram's 64-character start parameter); only its SHA-256 is stored.
/// </summary>
public sealed class InviteStore(Database database, TimeProvider time)
{
    /// <returns>The code to put in the link, or null when the council has no such party.</returns>
    public async Task<string?> CreateAsync(long councilId, string? party, MemberRole role, TimeSpan lifetime, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        long? partyId = null;
        if (party is not null)
        {
            // Compared here, not in SQL: SQLite's NOCASE and PostgreSQL's lower() in the C locale fold Latin letters only.
            var parties = await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
                "SELECT id, name FROM parties WHERE council_id = @councilId ORDER BY id", new { councilId }, cancellationToken: ct));
            partyId = parties.Where(p => string.Equals(p.Name, party, StringComparison.OrdinalIgnoreCase)).Select(p => (long?)p.Id).FirstOrDefault();
            if (partyId is null) return null;
        }
        var code = NewCode();
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO invites (code_sha256, council_id, party_id, role, created_at, expires_at)
            VALUES (@hash, @councilId, @partyId, @role, @now, @expires)
            """,
            new { hash = Hash(code), councilId, partyId, role = role.ToName(), now = now.ToUnixTimeMilliseconds(), expires = (now + lifetime).ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return code;
    }

    /// <summary>
    /// Uses up a code inside the caller's transaction: creates (or reuses) the member for this Telegram user in the
    /// invite's council and links the invite's party. Null when the code is unknown, used or expired.
    /// </summary>
    public async Task<LinkedMember?> RedeemAsync(
        DbConnection connection, DbTransaction tx, string code, long telegramUserId, long chatId, string name, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var invite = await connection.QuerySingleOrDefaultAsync<InviteRow>(new CommandDefinition(
            """
            SELECT i.council_id AS CouncilId, c.name AS CouncilName, i.party_id AS PartyId, p.name AS Party, i.role AS Role
            FROM invites i JOIN councils c ON c.id = i.council_id LEFT JOIN parties p ON p.id = i.party_id
            WHERE i.code_sha256 = @hash AND i.used_at IS NULL AND i.expires_at > @now
            """, new { hash = Hash(code), now }, tx, cancellationToken: ct));
        if (invite is null) return null;

        var memberId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM members WHERE council_id = @CouncilId AND telegram_user_id = @telegramUserId",
            new { invite.CouncilId, telegramUserId }, tx, cancellationToken: ct));
        if (memberId is null)
        {
            memberId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO members (council_id, name, role, telegram_user_id, telegram_chat_id, created_at)
                VALUES (@CouncilId, @name, @Role, @telegramUserId, @chatId, @now) RETURNING id
                """, new { invite.CouncilId, name, invite.Role, telegramUserId, chatId, now }, tx, cancellationToken: ct));
        }
        else
        {
            // A higher role in a later invite wins; the chat comes back to life if the member had blocked the bot.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE members SET telegram_chat_id = @chatId, telegram_unreachable = 0,
                       role = CASE WHEN @Role = 'member' THEN role ELSE @Role END
                WHERE id = @memberId
                """, new { chatId, invite.Role, memberId }, tx, cancellationToken: ct));
        }
        if (invite.PartyId is { } partyId)
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO member_parties (member_id, party_id) VALUES (@memberId, @partyId) ON CONFLICT DO NOTHING", new { memberId, partyId }, tx, cancellationToken: ct));
        var used = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invites SET used_at = @now, used_by = @memberId WHERE code_sha256 = @hash AND used_at IS NULL",
            new { now, memberId, hash = Hash(code) }, tx, cancellationToken: ct));
        if (used != 1) return null;
        return new LinkedMember(memberId.Value, invite.CouncilId, invite.CouncilName, invite.Party, MemberRoles.ParseOrMember(invite.Role));
    }

    private static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private sealed class InviteRow
    {
        public long CouncilId { get; set; }
        public string CouncilName { get; set; } = "";
        public long? PartyId { get; set; }
        public string? Party { get; set; }
        public string Role { get; set; } = "member";
    }
}
