using System.Data.Common;
using System.Globalization;
using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>A member found by their address: who, in which council.</summary>
public sealed record AddressedMember(long MemberId, long CouncilId, string Name, EmailState EmailState);

/// <summary>The council's members: their contacts, roles, parties and what they chose for themselves.</summary>
public sealed class MemberDirectory(Database database, TimeProvider time)
{
    /// <param name="email">Stored lower-case; callers check it first (<see cref="EmailAddresses.Normalize"/>).</param>
    /// <returns>The new member's id.</returns>
    public async Task<long> AddAsync(
        long councilId, string name, MemberRole role, long? telegramChatId, string? email, IEnumerable<string> parties, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await AddAsync(connection, tx, councilId, name, role, telegramChatId, email, parties, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>Adds a member inside the caller's transaction (with the welcome letter queued for them, say).</summary>
    public async Task<long> AddAsync(
        DbConnection connection, DbTransaction? tx, long councilId, string name, MemberRole role, long? telegramChatId, string? email,
        IEnumerable<string> parties, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO members (council_id, name, role, telegram_user_id, telegram_chat_id, email, created_at)
            VALUES (@councilId, @name, @role, @telegramChatId, @telegramChatId, @email, @now) RETURNING id
            """,
            new { councilId, name, role = role.ToName(), telegramChatId, email = email is null ? null : EmailAddresses.Key(email), now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct));
        foreach (var party in parties)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO parties (council_id, name) VALUES (@councilId, @party) ON CONFLICT (council_id, name) DO NOTHING;
                INSERT INTO member_parties (member_id, party_id)
                SELECT @id, id FROM parties WHERE council_id = @councilId AND name = @party ON CONFLICT DO NOTHING;
                """, new { councilId, party, id }, tx, cancellationToken: ct));
        }
        return id;
    }

    /// <summary>The council's party of that name (any case) as the plan spells it, or null when it has none.</summary>
    public async Task<string?> PartyAsync(long councilId, string party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        await using var connection = await database.OpenAsync(ct);
        // Compared here, not in SQL: SQLite's NOCASE and PostgreSQL's lower() in the C locale fold Latin letters only.
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM parties WHERE council_id = @councilId ORDER BY id", new { councilId }, cancellationToken: ct));
        return names.FirstOrDefault(n => string.Equals(n, party.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every member of the council with their parties: one query per table. Removed members are not there.</summary>
    public async Task<IReadOnlyList<MemberContact>> ContactsAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var members = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, name AS Name, role AS Role, telegram_chat_id AS TelegramChatId,
                   telegram_unreachable AS TelegramUnreachable, email AS Email, reminder_time AS ReminderTime, weekly_summary AS WeeklySummary,
                   email_state AS EmailState, email_digest AS EmailDigest
            FROM members WHERE council_id = @councilId AND removed_at IS NULL ORDER BY id
            """, new { councilId }, cancellationToken: ct));
        var parties = (await connection.QueryAsync<(long MemberId, string Party)>(new CommandDefinition(
            """
            SELECT mp.member_id, pa.name FROM member_parties mp JOIN parties pa ON pa.id = mp.party_id
            WHERE pa.council_id = @councilId ORDER BY pa.name
            """, new { councilId }, cancellationToken: ct))).ToLookup(r => r.MemberId, r => r.Party);
        return [.. members.Select(m => new MemberContact(
            m.Id, m.Name, MemberRoles.ParseOrMember(m.Role), m.TelegramChatId, m.TelegramUnreachable != 0, m.Email, [.. parties[m.Id]],
            new MemberPreferences(ParseTime(m.ReminderTime), m.WeeklySummary != 0), EmailStates.Parse(m.EmailState), m.EmailDigest != 0))];
    }

    /// <summary>The members with this address, in every council (an address is unique within one council only).</summary>
    public async Task<IReadOnlyList<AddressedMember>> FindByEmailAsync(string address, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await FindByEmailAsync(connection, null, address, ct);
    }

    public static async Task<IReadOnlyList<AddressedMember>> FindByEmailAsync(DbConnection connection, DbTransaction? tx, string address, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(long Id, long CouncilId, string Name, string? State)>(new CommandDefinition(
            "SELECT id, council_id, name, email_state FROM members WHERE email = @address AND removed_at IS NULL ORDER BY id",
            new { address = EmailAddresses.Key(address) }, tx, cancellationToken: ct));
        return [.. rows.Select(r => new AddressedMember(r.Id, r.CouncilId, r.Name, EmailStates.Parse(r.State)))];
    }

    /// <summary>The members with each of these addresses, in one query (a batch of letters' senders); an address nobody has maps to none.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AddressedMember>>> FindByEmailsAsync(IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var keys = addresses.Select(EmailAddresses.Key).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0) return new Dictionary<string, IReadOnlyList<AddressedMember>>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Email, long Id, long CouncilId, string Name, string? State)>(new CommandDefinition(
            $"SELECT email, id, council_id, name, email_state FROM members WHERE {database.Provider.In("email", "keys")} AND removed_at IS NULL ORDER BY id",
            new { keys }, cancellationToken: ct));
        var found = rows.ToLookup(r => r.Email, StringComparer.Ordinal);
        return addresses.Distinct(StringComparer.Ordinal).ToDictionary(a => a, a => (IReadOnlyList<AddressedMember>)
            [.. found[EmailAddresses.Key(a)].Select(r => new AddressedMember(r.Id, r.CouncilId, r.Name, EmailStates.Parse(r.State)))], StringComparer.Ordinal);
    }

    /// <summary>Who in the council has this address, if anyone.</summary>
    public async Task<long?> FindByEmailAsync(long councilId, string address, CancellationToken ct) =>
        (await FindByEmailAsync(address, ct)).FirstOrDefault(m => m.CouncilId == councilId)?.MemberId;

    /// <summary>The member blocked the bot or their chat is gone (Telegram 403, «chat not found»): stop trying Telegram.</summary>
    /// <returns>Whether they were reachable until now.</returns>
    public async Task<bool> MarkTelegramUnreachableAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET telegram_unreachable = 1 WHERE id = @memberId AND telegram_unreachable = 0", new { memberId }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Gives the member an address (confirmed, or given by the secretary), working from now on, inside the caller's
    /// transaction. <paramref name="digest"/>: the weekly digest goes there too.
    /// </summary>
    public static Task SetEmailAsync(DbConnection connection, DbTransaction? tx, long memberId, string address, bool digest, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET email = @address, email_state = NULL, email_digest = @digest WHERE id = @memberId",
            new { memberId, address = EmailAddresses.Key(address), digest = digest ? 1 : 0 }, tx, cancellationToken: ct));

    /// <summary>Records that email to the member's address stopped working or was refused, inside the caller's transaction.</summary>
    /// <returns>Whether it worked until now.</returns>
    public static async Task<bool> SetEmailStateAsync(DbConnection connection, DbTransaction? tx, long memberId, EmailState state, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET email_state = @state WHERE id = @memberId AND email_state IS NOT @state",
            new { memberId, state = state.ToName() }, tx, cancellationToken: ct)) == 1;

    /// <summary>
    /// Removes a member from the council: their contacts and parties go, the row stays for the replies and deliveries
    /// that name it. Nothing more is sent to them.
    /// </summary>
    /// <returns>Whether there was such a member.</returns>
    public async Task<bool> RemoveAsync(long councilId, long memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE members SET removed_at = @now, email = NULL, telegram_user_id = NULL, telegram_chat_id = NULL, email_digest = 0
            WHERE id = @memberId AND council_id = @councilId AND removed_at IS NULL
            """, new { councilId, memberId, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM member_parties WHERE member_id = @memberId; DELETE FROM email_confirmations WHERE member_id = @memberId",
            new { memberId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return removed == 1;
    }

    /// <summary>Saves what the member chose with <c>/settings</c>, inside the caller's transaction.</summary>
    public static Task SetPreferencesAsync(DbConnection connection, DbTransaction? tx, long memberId, MemberPreferences preferences, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET reminder_time = @time, weekly_summary = @weekly WHERE id = @memberId",
            new { memberId, time = preferences.ReminderTime?.ToString("HH:mm", CultureInfo.InvariantCulture), weekly = preferences.WeeklySummaryOnly ? 1 : 0 },
            tx, cancellationToken: ct));
    }

    private static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Role { get; set; } = "member";
        public long? TelegramChatId { get; set; }
        public long TelegramUnreachable { get; set; }
        public string? Email { get; set; }
        public string? ReminderTime { get; set; }
        public long WeeklySummary { get; set; }
        public string? EmailState { get; set; }
        public long EmailDigest { get; set; }
    }
}
