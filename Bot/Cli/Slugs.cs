using System.Text;
using System.Text.RegularExpressions;

namespace NokoBot.Cli;

/// <summary>Council short names: what they may look like, and a default one from a Russian name.</summary>
internal static partial class Slugs
{
    public static bool IsValid(string slug) => SlugPattern().IsMatch(slug);

    /// <summary>The last word of the name, transliterated: a council is usually named after its town
    /// («Общественный совет г. Десногорск» → desnogorsk).</summary>
    public static string FromName(string name)
    {
        var words = WordPattern().Matches(name).Select(m => m.Value).ToList();
        var word = words.LastOrDefault(w => w.Length > 2) ?? "";
        var slug = new StringBuilder();
        foreach (var c in word.ToLowerInvariant()) slug.Append(Transliterate(c));
        return slug.ToString();
    }

    private static string Transliterate(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ё' => "e", 'ж' => "zh",
        'з' => "z", 'и' => "i", 'й' => "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o",
        'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts",
        'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "yu",
        'я' => "ya",
        _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
        _ => "-",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordPattern();
}
