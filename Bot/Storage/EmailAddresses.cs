using MimeKit;

namespace NokoBot.Storage;

/// <summary>Members' addresses as they are stored: checked by MimeKit's parser, one bare address, lower-case.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <returns>The address as stored, or null when <paramref name="text"/> is not one address («Имя &lt;a@b&gt;» is not).</returns>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength) return null;
        if (!MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var mailbox)) return null;
        var address = mailbox.Address;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1 || !address[(at + 1)..].Contains('.', StringComparison.Ordinal)) return null;
        if (!string.Equals(address, trimmed, StringComparison.OrdinalIgnoreCase) || address.Any(char.IsWhiteSpace)) return null;
        return address.ToLowerInvariant();
    }

    /// <summary>Lower-case, for addresses read from headers (already parsed).</summary>
    public static string Key(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Trim().ToLowerInvariant();
    }
}
