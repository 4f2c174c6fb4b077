using System.Text.RegularExpressions;

namespace NokoBot.Domain.Commands;

/// <summary>
/// What the sender of a letter wrote themselves: the lines before the letter they quote or their signature. Quoted text
/// is never read as a command — a reply quotes the reminder, which lists every command.
/// </summary>
public static partial class EmailQuotes
{
    /// <summary>The sender's own lines, up to the first quote or signature.</summary>
    public static IReadOnlyList<string> OwnLines(string? body)
    {
        if (string.IsNullOrEmpty(body)) return [];
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        return lines[..QuoteStart(lines)];
    }

    /// <summary>The index of the first line of the quote or signature (the number of lines when there is none).</summary>
    private static int QuoteStart(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            // «-- » is the signature separator (RFC 3676); some clients drop its space.
            if (line.TrimStart().StartsWith('>') || line.TrimEnd() == "--" || Separator().IsMatch(trimmed)) return i;
            if (HeaderFrom().IsMatch(trimmed) && lines.Skip(i + 1).Take(4).Any(l => HeaderSent().IsMatch(l.Trim()))) return i;
            if (Attribution().IsMatch(trimmed) || AddressAttribution().IsMatch(trimmed)) return AttributionStart(lines, i);
        }
        return lines.Length;
    }

    /// <summary>An attribution wrapped over lines («On Mon, 22 Jun 2020 … NokoBot &lt;» / «noko@example.org&gt; wrote:») starts above.</summary>
    private static int AttributionStart(string[] lines, int end)
    {
        for (var i = end - 1; i >= Math.Max(0, end - 2); i--)
        {
            var above = lines[i].Trim();
            if (above.Length == 0) break;
            if (above.StartsWith("On ", StringComparison.OrdinalIgnoreCase) || above.EndsWith('<')) return i;
        }
        return end;
    }

    /// <summary>«-----Original Message-----», «-------- Пересылаемое сообщение --------», Outlook's line of underscores.</summary>
    [GeneratedRegex(@"^(?:-{2,}\s*(?:original message|исходное сообщение|пересылаемое сообщение|переадресованное сообщение|forwarded message|начало переадресованного сообщения)\s*-*|_{10,})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    /// <summary>The first line of Outlook's header block of the quoted letter: «От: …», «From: …».</summary>
    [GeneratedRegex(@"^\*?(?:from|от|von|de)\s*:\*?\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    /// <summary>A later line of that block: «Отправлено: …», «Sent: …», «Date: …».</summary>
    [GeneratedRegex(@"^\*?(?:sent|date|отправлено|дата|gesendet)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderSent();

    /// <summary>«On Mon, 22 Jun 2020 at 10:00, NokoBot &lt;…&gt; wrote:», «22.06.2020, 10:00, "NokoBot" пишет:», «… написал(а):».</summary>
    [GeneratedRegex(@"(?:wrote|writes|пишет|написал|написала|написал\(а\))\s*:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    /// <summary>Gmail's and Yandex's Russian attribution: «пн, 22 июн. 2020 г. в 10:00, NokoBot &lt;noko@example.org&gt;:».</summary>
    [GeneratedRegex(@"@[^\s<>]+>:$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressAttribution();
}
