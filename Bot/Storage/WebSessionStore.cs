using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>A signed-in browser: whose council, which member (null: the administrator's link), in which role.</summary>
public sealed record WebSession(long CouncilId, long? MemberId, MemberRole Role, DateTimeOffset ExpiresAt);

/// <summary>
/// Sign-in links (single-use, short-lived) and the sessions they open. Only the SHA-256 of a link's code or a
/// session's token is stored.
/// </summary>
public sealed class WebSessionStore(Database database, TimeProvider time)
{
    /// <returns>The code to put in the link.</returns>
    public async Task<string> CreateLinkAsync(long councilId, long? memberId, MemberRole role, TimeSpan lifetime, CancellationToken ct)
    {
        var code = Secrets.New();
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO web_links (code_sha256, council_id, member_id, role, created_at, expires_at)
            VALUES (@hash, @councilId, @memberId, @role, @now, @expires)
            """,
            new { hash = Secrets.Hash(code), councilId, memberId, role = role.ToName(), now = now.ToUnixTimeMilliseconds(), expires = (now + lifetime).ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return code;
    }

    /// <summary>Whether the link still works, and for which council; uses nothing up (a link preview may fetch the page).</summary>
    /// <returns>The council's name; null when the link is unknown, used or expired.</returns>
    public async Task<string?> LinkCouncilAsync(string code, CancellationToken ct)
    {
        if (!Secrets.LooksLikeOne(code)) return null;
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            SELECT c.name FROM web_links l JOIN councils c ON c.id = l.council_id
            WHERE l.code_sha256 = @hash AND l.used_at IS NULL AND l.expires_at > @now
            """, new { hash = Secrets.Hash(code), now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    /// <summary>Uses the link up and opens a session, in one transaction.</summary>
    /// <returns>The session's token (for the cookie) and the session; null when the link is unknown, used or expired.</returns>
    public async Task<(string Token, WebSession Session)?> RedeemLinkAsync(string code, TimeSpan sessionLifetime, CancellationToken ct)
    {
        if (!Secrets.LooksLikeOne(code)) return null;
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var link = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            UPDATE web_links SET used_at = @now
            WHERE code_sha256 = @hash AND used_at IS NULL AND expires_at > @now
            RETURNING council_id AS CouncilId, member_id AS MemberId, role AS Role
            """, new { hash = Secrets.Hash(code), now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
        if (link is null) return null;
        var token = Secrets.New();
        var expires = now + sessionLifetime;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO web_sessions (token_sha256, council_id, member_id, role, created_at, expires_at)
            VALUES (@hash, @CouncilId, @MemberId, @Role, @now, @expires)
            """, new { hash = Secrets.Hash(token), link.CouncilId, link.MemberId, link.Role, now = now.ToUnixTimeMilliseconds(), expires = expires.ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (token, new WebSession(link.CouncilId, link.MemberId, MemberRoles.ParseOrMember(link.Role), expires));
    }

    /// <returns>The session the token opens; null when unknown, expired or revoked.</returns>
    public async Task<WebSession?> FindSessionAsync(string? token, CancellationToken ct)
    {
        if (!Secrets.LooksLikeOne(token)) return null;
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT council_id AS CouncilId, member_id AS MemberId, role AS Role, expires_at AS ExpiresAt FROM web_sessions
            WHERE token_sha256 = @hash AND revoked_at IS NULL AND expires_at > @now
            """, new { hash = Secrets.Hash(token!), now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return row is null ? null
            : new WebSession(row.CouncilId, row.MemberId, MemberRoles.ParseOrMember(row.Role), DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt));
    }

    public async Task RevokeSessionAsync(string token, CancellationToken ct)
    {
        if (!Secrets.LooksLikeOne(token)) return;
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE web_sessions SET revoked_at = @now WHERE token_sha256 = @hash AND revoked_at IS NULL",
            new { hash = Secrets.Hash(token), now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    /// <summary>Ends every session of the member and voids their unused links (<c>/web logout</c>).</summary>
    /// <returns>The number of sessions ended.</returns>
    public async Task<int> RevokeMemberAsync(long memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ended = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE web_sessions SET revoked_at = @now WHERE member_id = @memberId AND revoked_at IS NULL AND expires_at > @now",
            new { memberId, now }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE web_links SET used_at = @now WHERE member_id = @memberId AND used_at IS NULL",
            new { memberId, now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return ended;
    }

    private sealed class Row
    {
        public long CouncilId { get; set; }
        public long? MemberId { get; set; }
        public string Role { get; set; } = "member";
        public long ExpiresAt { get; set; }
    }
}
