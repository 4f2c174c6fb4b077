namespace NokoBot.Texts;

/// <summary>A line of a chat message; <see cref="Strong"/> lines are headings (Telegram shows them bold).</summary>
public sealed record TextLine(string Text, bool Strong = false);

/// <summary>
/// What the bot says in a chat, as plain text in lines: the wording lives here, the markup and escaping in the
/// channel that renders it (Telegram's HTML, the simulator's transcript).
/// </summary>
public sealed record ChatText(IReadOnlyList<TextLine> Lines)
{
    public static implicit operator ChatText(string plain) => new([new TextLine(plain)]);

    public static ChatText FromLines(IEnumerable<TextLine> lines) => new([.. lines]);

    public static ChatText Heading(string heading, IEnumerable<string> lines) => new([new TextLine(heading, true), .. lines.Select(l => new TextLine(l))]);

    /// <summary>The same words as a notice on a lock screen reads them.</summary>
    public string Plain => string.Join("\n", Lines.Select(l => l.Text));

    public ChatText Append(ChatText more)
    {
        ArgumentNullException.ThrowIfNull(more);
        return new([.. Lines, .. more.Lines]);
    }
}
