using System.Text;
using System.Text.RegularExpressions;

namespace NokoBot.Domain.Plans;

/// <summary>Turns a cell's text (line breaks, Word's hyphenation, runs of spaces) into one clean line.</summary>
internal static partial class TextCleaner
{
    /// <summary>Joins lines with spaces, mends words hyphenated across lines («реализа- ции»), collapses spaces.</summary>
    public static string Fold(string text) => Collapse(Hyphenated().Replace(KeepCompounds(text), "$1$2"));

    /// <summary>
    /// An action cell as one line per list entry: lines that open with a list dash («- утверждение плана») stay lines
    /// of their own, the other lines fold into the line before them. A word hyphenated across lines is mended unless
    /// the next line is a list entry.
    /// </summary>
    public static string FoldKeepingLists(string text)
    {
        var entries = new List<string>();
        var entry = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (ListDash().IsMatch(line) && entry.Length > 0)
            {
                entries.Add(Fold(entry.ToString()));
                entry.Clear();
            }
            entry.Append(line).Append('\n');
        }
        entries.Add(Fold(entry.ToString()));
        return string.Join('\n', entries.Where(e => e.Length > 0));
    }

    /// <summary>
    /// Joins a word hyphenated at a line end («председа-» / «тель комиссии»), keeping the line breaks between names:
    /// not when the next line starts a capitalised word or a list dash.
    /// </summary>
    public static string MendLineHyphens(string text) => LineEndHyphen().Replace(KeepCompounds(text), "$1$2");

    /// <summary>A compound wrapped at its own hyphen is put back together with the hyphen.</summary>
    private static string KeepCompounds(string text) => WrappedCompound().Replace(text, "$1-");

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

    [GeneratedRegex(@"(\p{Ll})-[ \t]*\n[ \t]*(\p{Ll})")]
    private static partial Regex LineEndHyphen();

    // «- », «– », «— », «• » in front of a line (after any indent).
    [GeneratedRegex(@"^[ \t]*[-–—•·][ \t]+\S")]
    private static partial Regex ListDash();

    // «организация-» / «оператор»: the compound every НОКО plan holds, which Word wraps at its own hyphen.
    [GeneratedRegex(@"(\p{Ll})-(?:[ \t]*\n[ \t]*|[ \t]+)(?=оператор)")]
    private static partial Regex WrappedCompound();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
