using System.Text.RegularExpressions;

namespace NokoBot.Domain.Deadlines;

/// <summary>
/// The Russian words deadlines are written with: month names in every case and abbreviation, ordinals written as
/// words, digits or Roman numerals, and number words. Texts reaching here are already lower-case, ё → е.
/// </summary>
internal static partial class RussianCalendarWords
{
    /// <summary>A month name in any case («январь», «января», «январе»), or its abbreviation («янв.», «сент»).</summary>
    public const string Month =
        @"(?:январ[ьяюе]|янв|феврал[ьяюе]|февр?|март[аеу]?|мар|апрел[ьяюе]|апр|ма[йяюе]|июн[ьяюе]|июн|июл[ьяюе]|июл|август[аеу]?|авг|сентябр[ьяюе]|сент?|октябр[ьяюе]|окт|ноябр[ьяюе]|нояб?|декабр[ьяюе]|дек)(?![а-я])\.?";

    /// <summary>An ordinal 1–4: «i».. «iv» (Latin or Cyrillic І), «1», «1-й», «первый», «первое», «первом»…</summary>
    public const string Ordinal = @"(?:iv|iii|ii|i|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт[а-я]*)(?:-?(?:ый|ий|ой|ое|ая|го|му|м|й|е|я))?";

    /// <summary>A four-digit year, with «г.», «года», «году» already dropped by normalisation.</summary>
    public const string Year = @"(?:19|20)\d\d";

    /// <summary>A day of the month as an ordinal word in any case: «пятого», «десятое», «двадцать пятого», «тридцать первого».</summary>
    public const string DayOrdinal =
        @"(?:(?:двадцать|тридцать)\s+)?(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат)[а-я]*";

    public static int MonthNumber(string word)
    {
        var w = word.TrimEnd('.');
        if (w.StartsWith("мар", StringComparison.Ordinal)) return 3;
        if (w.StartsWith("ма", StringComparison.Ordinal)) return 5;
        string[] stems = ["янв", "фев", "", "апр", "", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
        for (var i = 0; i < stems.Length; i++)
            if (stems[i].Length > 0 && w.StartsWith(stems[i], StringComparison.Ordinal)) return i + 1;
        throw new ArgumentException($"Not a month: {word}", nameof(word));
    }

    public static int OrdinalNumber(string word)
    {
        var w = OrdinalSuffix().Replace(word, "");
        return w switch
        {
            "i" or "1" => 1,
            "ii" or "2" => 2,
            "iii" or "3" => 3,
            "iv" or "4" => 4,
            _ when w.StartsWith("перв", StringComparison.Ordinal) => 1,
            _ when w.StartsWith("втор", StringComparison.Ordinal) => 2,
            _ when w.StartsWith("трет", StringComparison.Ordinal) => 3,
            _ when w.StartsWith("четверт", StringComparison.Ordinal) => 4,
            _ => 0,
        };
    }

    /// <summary>«10», «десять», «десяти», «одного», «двух», «пятнадцати»…; 0 when not a number.</summary>
    public static int Amount(string word)
    {
        if (int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        (string Stem, int Value)[] words =
        [
            ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
            ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20),
            ("тридцат", 30), ("сорок", 40), ("шестьдесят", 60), ("девяност", 90),
            ("один", 1), ("одн", 1), ("два", 2), ("двух", 2), ("две", 2), ("три", 3), ("трех", 3),
            ("четыр", 4), ("пят", 5), ("шест", 6), ("сем", 7), ("восем", 8), ("девят", 9), ("десят", 10),
        ];
        foreach (var (stem, value) in words)
            if (word.StartsWith(stem, StringComparison.Ordinal)) return value;
        return 0;
    }

    /// <summary>«5» → 5, «пятого» → 5, «двадцать пятого» → 25; 0 when not a day.</summary>
    public static int DayOfMonth(string word)
    {
        if (int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        var tens = 0;
        var compound = word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (compound.Length == 2)
        {
            tens = compound[0] switch { "двадцать" => 20, "тридцать" => 30, _ => -100 };
            word = compound[1];
        }
        (string Stem, int Value)[] stems =
        [
            ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15), ("шестнадцат", 16),
            ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20), ("тридцат", 30),
            ("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4), ("пят", 5), ("шест", 6), ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10),
        ];
        foreach (var (stem, value) in stems)
            if (word.StartsWith(stem, StringComparison.Ordinal)) return tens != 0 && value >= 10 ? 0 : Math.Max(0, tens + value);
        return 0;
    }

    [GeneratedRegex(@"-?(?:ый|ий|ой|ое|ая|го|му|м|й|е|я)$")]
    private static partial Regex OrdinalSuffix();
}
