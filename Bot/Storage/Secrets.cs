using System.Security.Cryptography;
using System.Text;

namespace NokoBot.Storage;

/// <summary>Random secrets for links (128 bits, base64url: 22 characters) and the SHA-256 they are kept as.</summary>
public static class Secrets
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a text can be one of our secrets at all (checked before any lookup).</summary>
    public static bool LooksLikeOne(string? text) =>
        text is { Length: 22 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
