using Dapper;

namespace NokoBot.Storage;

/// <summary>What the delivery side learns about how members can be reached.</summary>
public sealed class MemberChannels(SqliteDatabase database)
{
    /// <summary>The member blocked the bot (Telegram 403): stop trying Telegram, email takes over.</summary>
    public async Task MarkTelegramUnreachableAsync(long memberId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET telegram_unreachable = 1 WHERE id = @memberId", new { memberId }, cancellationToken: ct));
    }
}
