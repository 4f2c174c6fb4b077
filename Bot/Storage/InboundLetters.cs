using System.Data.Common;
using Dapper;

namespace NokoBot.Storage;

/// <summary>One letter read from the mailbox: where it was, what it was, what came of it.</summary>
/// <param name="Mailbox">The server, user and folder it was read from.</param>
/// <param name="Outcome">applied, refused, stranger, automatic, bounce, too-large, unreadable.</param>
public sealed record InboundLetter(
    string Mailbox, uint UidValidity, uint Uid, string? MessageId, string? Sender, long? CouncilId, long? MemberId, string Outcome);

/// <summary>
/// The letters read from the mailbox (DESIGN: a reply is handled exactly once): each is recorded in the same
/// transaction as its effects, and a letter already recorded — by its UID in its folder, or by its Message-Id — is
/// never handled again.
/// </summary>
public sealed class InboundLetters(Database database, TimeProvider time)
{
    /// <summary>Of these letters (by UID, and by Message-Id when they have one), those already handled.</summary>
    public async Task<(IReadOnlySet<uint> Uids, IReadOnlySet<string> MessageIds)> HandledAsync(
        string mailbox, uint uidValidity, IReadOnlyCollection<uint> uids, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var byUid = await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT uid FROM inbound_letters WHERE mailbox = @mailbox AND uid_validity = @uidValidity AND {database.Provider.In("uid", "uids")}",
            new { mailbox, uidValidity = (long)uidValidity, uids = uids.Select(u => (long)u).ToList() }, cancellationToken: ct));
        var byId = messageIds.Count == 0 ? [] : await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT message_id FROM inbound_letters WHERE {database.Provider.In("message_id", "messageIds")}", new { messageIds = messageIds.ToArray() }, cancellationToken: ct));
        return (byUid.Select(u => (uint)u).ToHashSet(), byId.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Records a letter inside the caller's transaction, before its effects are written.</summary>
    /// <returns>The record's id, or null when the letter was recorded already (its effects must not be written again).</returns>
    public async Task<long?> RecordAsync(DbConnection connection, DbTransaction? tx, InboundLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO inbound_letters (mailbox, uid_validity, uid, message_id, sender, council_id, member_id, outcome, received_at)
            VALUES (@Mailbox, @validity, @uid, @MessageId, @Sender, @CouncilId, @MemberId, @Outcome, @now)
            ON CONFLICT DO NOTHING RETURNING id
            """,
            new
            {
                letter.Mailbox, validity = (long)letter.UidValidity, uid = (long)letter.Uid, letter.MessageId, letter.Sender,
                letter.CouncilId, letter.MemberId, letter.Outcome, now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            }, tx, cancellationToken: ct));
    }

    /// <summary>How many letters came to each outcome (strangers, automatic replies… are counted here).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<(string Outcome, long Count)>(new CommandDefinition(
            "SELECT outcome, count(*) FROM inbound_letters GROUP BY outcome", cancellationToken: ct))).ToDictionary(r => r.Outcome, r => r.Count, StringComparer.Ordinal);
    }
}
