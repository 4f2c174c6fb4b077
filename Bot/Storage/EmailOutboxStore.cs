using Dapper;

namespace NokoBot.Storage;

/// <summary>The rendered bytes of email deliveries waiting to be sent (see 003_email.sql).</summary>
public sealed class EmailOutboxStore(SqliteDatabase database, TimeProvider time)
{
    public sealed record StoredMessage(string DeliveryKey, string MessageId, byte[] Mime);

    /// <summary>Keeps the first rendering of a key: a retry sends exactly what was rendered first.</summary>
    public async Task SaveAsync(string deliveryKey, string messageId, byte[] mime, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO email_outbox (delivery_key, message_id, mime, created_at) VALUES (@deliveryKey, @messageId, @mime, @now)
            ON CONFLICT (delivery_key) DO NOTHING
            """, new { deliveryKey, messageId, mime, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    public async Task<IReadOnlyDictionary<string, StoredMessage>> LoadAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<StoredMessage>(new CommandDefinition(
            "SELECT delivery_key AS DeliveryKey, message_id AS MessageId, mime AS Mime FROM email_outbox WHERE delivery_key IN @keys",
            new { keys = keys.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.DeliveryKey, StringComparer.Ordinal);
    }

    /// <summary>Drops the bytes once the delivery is final (sent or refused); the ledger keeps the record.</summary>
    public async Task DeleteAsync(string deliveryKey, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM email_outbox WHERE delivery_key = @deliveryKey", new { deliveryKey }, cancellationToken: ct));
    }
}
