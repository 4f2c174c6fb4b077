using System.Text;
using System.Text.RegularExpressions;

namespace NokoBot.Domain.Plans;

/// <summary>Turns a cell's text (line breaks, Word's hyphenation, runs of spaces) into one clean line.</summary>
internal static partial class TextCleaner
{
    /// <summary>Joins lines with spaces, mends words hyphenated across lines («реализа- ции»), collapses spaces.</summary>
    public static string Fold(string text) => Collapse(Hyphenated().Replace(text, "$1$2"));

    /// <summary>Joins lines with spaces and collapses spaces, keeping every dash (deadlines: «январь-\nмарт» is a range).</summary>
    /// <remarks>Stray control characters go first: dropped after the collapse, «а \u0001 б» left two spaces (and an empty word).</remarks>
    public static string Collapse(string text) => Spaces().Replace(RemoveControl(text), " ").Trim();

    private static string RemoveControl(string text)
    {
        if (!text.Any(IsStray)) return text;
        var clean = new StringBuilder(text.Length);
        foreach (var c in text) if (!IsStray(c)) clean.Append(c);
        return clean.ToString();
    }

    /// <summary>A control character that is not a line break or a tab (those are spaces here: the ones \s matches).</summary>
    private static bool IsStray(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\v' or '\f' or '\r' or '\u0085');

    // A dash glued to the word before it and followed by a break: the word goes on after the break.
    [GeneratedRegex(@"(\p{Ll})-(?:[ \t]*\n[ \t]*|[ \t]+)(\p{Ll})")]
    private static partial Regex Hyphenated();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
