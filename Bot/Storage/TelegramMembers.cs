using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>A Telegram user as a member of one council: who they are there and what they may do.</summary>
public sealed record TelegramMember(long MemberId, long CouncilId, string CouncilSlug, string Name, MemberRole Role, IReadOnlyList<string> Parties)
{
    /// <summary>Secretaries and chairs act on every item; members on their parties' items.</summary>
    public bool ActsOnAllItems => Role is MemberRole.Secretary or MemberRole.Chair;
}

/// <summary>Finds the member behind a Telegram user.</summary>
public sealed class TelegramMembers(Database database)
{
    /// <summary>The user's membership (the latest linked when they belong to several councils), or null for a stranger.</summary>
    public async Task<TelegramMember?> FindAsync(long telegramUserId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT m.id AS MemberId, m.council_id AS CouncilId, c.slug AS CouncilSlug, m.name AS Name, m.role AS Role
            FROM members m JOIN councils c ON c.id = m.council_id
            WHERE m.telegram_user_id = @telegramUserId ORDER BY m.id DESC LIMIT 1
            """, new { telegramUserId }, cancellationToken: ct));
        if (row is null) return null;
        var parties = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT p.name FROM member_parties mp JOIN parties p ON p.id = mp.party_id WHERE mp.member_id = @MemberId ORDER BY p.name",
            new { row.MemberId }, cancellationToken: ct));
        return new TelegramMember(row.MemberId, row.CouncilId, row.CouncilSlug, row.Name, MemberRoles.ParseOrMember(row.Role), [.. parties]);
    }

    private sealed class Row
    {
        public long MemberId { get; set; }
        public long CouncilId { get; set; }
        public string CouncilSlug { get; set; } = "";
        public string Name { get; set; } = "";
        public string Role { get; set; } = "member";
    }
}
