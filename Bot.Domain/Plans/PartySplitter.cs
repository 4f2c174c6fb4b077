using System.Text.RegularExpressions;

namespace NokoBot.Domain.Plans;

/// <summary>
/// Splits a «Ответственные» cell into party names: one per line, per comma or semicolon, per wide gap, and where
/// Word ran two names together on one line («Комитет по образованию Общественный совет»): a new party starts at a
/// word that begins a known party name, unless the word before binds it («совет при Комитете»). A word hyphenated
/// at a line end («председа-» / «тель комиссии») is one word, not two parties.
/// </summary>
public static partial class PartySplitter
{
    private static readonly HashSet<string> Binding = new(StringComparer.OrdinalIgnoreCase)
    {
        "по", "при", "и", "в", "во", "на", "с", "со", "для", "от", "из", "к", "о", "об", "за", "под",
    };

    public static IReadOnlyList<string> Split(string cell, IReadOnlyCollection<string>? knownParties = null)
    {
        var parties = new List<string>();
        foreach (var line in TextCleaner.MendLineHyphens(cell).Split('\n'))
        {
            var pieces = new List<string>();
            foreach (var piece in Separators().Split(line).Select(Clean).Where(p => p.Length > 0))
            {
                // «Комитет по образованию, науке и делам молодёжи»: a lower-case tail is still the same name.
                if (pieces.Count > 0 && char.IsLower(piece[0]) && !StartsParty(piece.Split(' '), 0, knownParties))
                    pieces[^1] += ", " + piece;
                else
                    pieces.Add(piece);
            }
            foreach (var piece in pieces) parties.AddRange(SplitRunTogether(piece, knownParties));
        }
        return [.. parties.Where(p => p.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static string Clean(string piece)
    {
        var folded = TextCleaner.Fold(piece);
        var text = folded.Trim(' ', '.', ',', ';', '-', '–', '—', ':');
        // An initial keeps its dot: «Иванова И.И.» is a person, «Иванова И.И» a typo.
        return text.Length > 0 && EndsWithInitial().IsMatch(folded.TrimEnd(' ', ',', ';', ':')) ? text + "." : text;
    }

    [GeneratedRegex(@"(^|[\s.])\p{Lu}\.$")]
    private static partial Regex EndsWithInitial();

    private static IEnumerable<string> SplitRunTogether(string text, IReadOnlyCollection<string>? knownParties)
    {
        var words = text.Split(' ');
        var start = 0;
        for (var i = 1; i < words.Length; i++)
        {
            if (Binding.Contains(words[i - 1]) || !char.IsUpper(words[i][0]) || !StartsParty(words, i, knownParties)) continue;
            yield return string.Join(' ', words[start..i]);
            start = i;
        }
        yield return string.Join(' ', words[start..]);
    }

    private static bool StartsParty(string[] words, int at, IReadOnlyCollection<string>? knownParties)
    {
        var rest = string.Join(' ', words[at..]);
        return PartyWords.Heads.Concat(knownParties ?? []).Any(head => PartyWords.StartsWith(rest, head));
    }

    // Commas and semicolons, and the wide gaps Word leaves between names that sat in one cell.
    [GeneratedRegex(@"[;,]|\s{3,}")]
    private static partial Regex Separators();
}
