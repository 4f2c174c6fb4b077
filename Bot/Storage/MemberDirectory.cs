using System.Data.Common;
using System.Globalization;
using Dapper;
using NokoBot.Domain.Councils;

namespace NokoBot.Storage;

/// <summary>The council's members: their contacts, roles, parties and what they chose for themselves.</summary>
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

    /// <summary>Every member of the council with their parties: one query per table.</summary>
    public async Task<IReadOnlyList<MemberContact>> ContactsAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var members = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, name AS Name, role AS Role, telegram_chat_id AS TelegramChatId,
                   telegram_unreachable AS TelegramUnreachable, email AS Email, reminder_time AS ReminderTime, weekly_summary AS WeeklySummary
            FROM members WHERE council_id = @councilId ORDER BY id
            """, new { councilId }, cancellationToken: ct));
        var parties = (await connection.QueryAsync<(long MemberId, string Party)>(new CommandDefinition(
            """
            SELECT mp.member_id, pa.name FROM member_parties mp JOIN parties pa ON pa.id = mp.party_id
            WHERE pa.council_id = @councilId ORDER BY pa.name
            """, new { councilId }, cancellationToken: ct))).ToLookup(r => r.MemberId, r => r.Party);
        return [.. members.Select(m => new MemberContact(
            m.Id, m.Name, MemberRoles.ParseOrMember(m.Role), m.TelegramChatId, m.TelegramUnreachable != 0, m.Email, [.. parties[m.Id]],
            new MemberPreferences(ParseTime(m.ReminderTime), m.WeeklySummary != 0)))];
    }

    /// <summary>The member blocked the bot (Telegram 403): stop trying Telegram, email takes over.</summary>
    public async Task MarkTelegramUnreachableAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET telegram_unreachable = 1 WHERE id = @memberId", new { memberId }, cancellationToken: ct));
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
    }
}
