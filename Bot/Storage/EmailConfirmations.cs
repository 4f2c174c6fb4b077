using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace NokoBot.Storage;

/// <summary>What came of a code a member sent back.</summary>
public abstract record ConfirmationResult
{
    private ConfirmationResult() { }

    /// <summary>The code was right: the address is theirs.</summary>
    public sealed record Confirmed(string Address) : ConfirmationResult;

    public sealed record WrongCode(int AttemptsLeft) : ConfirmationResult;

    /// <summary>No address is waiting (none was given, it expired, or too many wrong codes).</summary>
    public sealed record NothingPending : ConfirmationResult;
}

/// <summary>
/// Addresses Telegram members gave with <c>/email</c>, each waiting for the code sent to it (six digits, a day, five
/// tries). Only the code's SHA-256 is stored here; the letter carrying it is the outbox's.
/// </summary>
public sealed class EmailConfirmations(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public const int MaxAttempts = 5;

    /// <summary>A new six-digit code.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits for <paramref name="code"/> to confirm <paramref name="address"/> (a new address replaces a waiting one).</summary>
    public Task StartAsync(DbConnection connection, DbTransaction? tx, long memberId, string address, string code, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO email_confirmations (member_id, address, code_sha256, attempts, expires_at) VALUES (@memberId, @address, @hash, 0, @expires)
            ON CONFLICT (member_id) DO UPDATE SET address = excluded.address, code_sha256 = excluded.code_sha256, attempts = 0, expires_at = excluded.expires_at
            """,
            new { memberId, address = EmailAddresses.Key(address), hash = Hash(code), expires = (time.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct));

    /// <summary>Checks a code inside the caller's transaction; a right one (or the last wrong one) ends the wait.</summary>
    public async Task<ConfirmationResult> CheckAsync(DbConnection connection, DbTransaction? tx, long memberId, string code, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Address, string Hash, long Attempts, long Expires)?>(new CommandDefinition(
            "SELECT address, code_sha256, attempts, expires_at FROM email_confirmations WHERE member_id = @memberId",
            new { memberId }, tx, cancellationToken: ct));
        if (row is not { } pending || pending.Expires <= time.GetUtcNow().ToUnixTimeMilliseconds()) return new ConfirmationResult.NothingPending();
        var right = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code.Trim())), Encoding.ASCII.GetBytes(pending.Hash));
        var attempts = (int)pending.Attempts + 1;
        if (right || attempts >= MaxAttempts)
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM email_confirmations WHERE member_id = @memberId", new { memberId }, tx, cancellationToken: ct));
        else
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE email_confirmations SET attempts = @attempts WHERE member_id = @memberId", new { memberId, attempts }, tx, cancellationToken: ct));
        return right ? new ConfirmationResult.Confirmed(pending.Address) : new ConfirmationResult.WrongCode(MaxAttempts - attempts);
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
