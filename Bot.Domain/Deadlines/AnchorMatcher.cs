using System.Text;

namespace NokoBot.Domain.Deadlines;

/// <summary>
/// Ties a relative deadline's anchor («поступления информации о результатах НОКО») to what can date it: an event
/// the secretary recorded («поступление результатов НОКО»), or another plan item whose completion is the anchor
/// («после рассмотрения результатов НОКО» → «Обсуждение результатов НОКО на заседании…»). Words are compared by
/// a crude stem (their first letters), with the few synonyms plans use for "review".
/// </summary>
public static class AnchorMatcher
{
    private const int StemLength = 5;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "после", "дня", "день", "даты", "дата", "момен", "течен", "срок", "сроки", "чем", "для", "или", "его", "под",
        "при", "так", "что", "это", "инфор",
    };

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["рассм"] = "обсуж", // рассмотрение ≈ обсуждение
        ["получ"] = "посту", // получение ≈ поступление
        ["предс"] = "посту", // представление (результатов) ≈ поступление
    };

    /// <summary>Whether a recorded event is the one the anchor waits for (most of both sides' words agree).</summary>
    public static bool EventMatches(string anchor, string eventName)
    {
        var a = Stems(anchor);
        var e = Stems(eventName);
        if (a.Count == 0 || e.Count == 0) return false;
        var common = a.Intersect(e).Count();
        return common >= Math.Min(2, e.Count) && common * 1.0 / a.Union(e).Count() >= 0.6;
    }

    /// <summary>Whether an item's title is the anchor's action: every word of the anchor (at least two) appears in it.</summary>
    public static bool ItemMatches(string anchor, string title)
    {
        var a = Stems(anchor);
        return a.Count >= 2 && a.IsSubsetOf(Stems(title));
    }

    /// <summary>The plan item a relative deadline hangs on, chosen among the items listed before it.</summary>
    public static string? LinkedItem(string anchor, IEnumerable<(string Number, string Title)> earlierItems) =>
        earlierItems.Where(i => ItemMatches(anchor, i.Title)).Select(i => i.Number).LastOrDefault();

    internal static HashSet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetter(c))
            {
                word.Append(c == 'ё' || c == 'Ё' ? 'е' : char.ToLowerInvariant(c));
                continue;
            }
            // Words under three letters are prepositions and abbreviations such as «ОО»: no signal.
            if (word.Length >= 3)
            {
                var stem = word.Length > StemLength ? word.ToString(0, StemLength) : word.ToString();
                if (!StopWords.Contains(stem)) stems.Add(Synonyms.GetValueOrDefault(stem, stem));
            }
            word.Clear();
        }
        return stems;
    }
}
