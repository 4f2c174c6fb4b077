using System.Globalization;
using System.Text.RegularExpressions;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Commands;

/// <summary>Dates as members type them: «15.07», «15.07.2020», «15.07.20», «15 июля», «15 июля 2020», «+7» (days from today).</summary>
public static partial class ChatDateParser
{
    /// <summary>Reads a date at the start of <paramref name="text"/>; <paramref name="rest"/> is what follows it.</summary>
    public static bool TryParseLeading(string text, DateOnly today, out DateOnly date, out string rest)
    {
        date = default;
        rest = text;
        var m = Leading().Match(text.TrimStart());
        if (!m.Success || !TryParse(m.Groups["date"].Value, today, out date)) return false;
        rest = m.Groups["rest"].Value.Trim();
        return true;
    }

    /// <summary>Reads a date at the end of <paramref name="text"/> («поступление результатов НОКО 14.09»).</summary>
    public static bool TryParseTrailing(string text, DateOnly today, out DateOnly date, out string rest)
    {
        date = default;
        rest = text;
        var m = Trailing().Match(text.TrimEnd());
        if (!m.Success || !TryParse(m.Groups["date"].Value, today, out date)) return false;
        rest = m.Groups["rest"].Value.Trim();
        return true;
    }

    public static bool TryParse(string text, DateOnly today, out DateOnly date)
    {
        date = default;
        var t = AsciiDigits(text.Trim().ToLowerInvariant().Replace('ё', 'е'));
        if (Plus().Match(t) is { Success: true } plus)
        {
            if (!int.TryParse(plus.Groups["n"].Value, CultureInfo.InvariantCulture, out var days) || days > 3660) return false;
            date = today.AddDays(days);
            return true;
        }
        int day, month, year;
        if (Numeric().Match(t) is { Success: true } n)
        {
            day = int.Parse(n.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = int.Parse(n.Groups["m"].Value, CultureInfo.InvariantCulture);
            year = n.Groups["y"].Success ? Year(n.Groups["y"].Value, today) : today.Year;
        }
        else if (Words().Match(t) is { Success: true } w)
        {
            day = int.Parse(w.Groups["d"].Value, CultureInfo.InvariantCulture);
            month = RussianCalendarWords.MonthNumber(w.Groups["m"].Value);
            year = w.Groups["y"].Success ? int.Parse(w.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        }
        else return false;
        if (month is < 1 or > 12 || year is < 2000 or > 2100 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Regex \d matches any script's digits («１５», «١٥»), int.Parse only ASCII ones.</summary>
    private static string AsciiDigits(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsDigit(source[i]) ? (char)('0' + (int)char.GetNumericValue(source[i])) : source[i];
        });

    private static int Year(string digits, DateOnly today) =>
        digits.Length == 2 ? today.Year / 100 * 100 + int.Parse(digits, CultureInfo.InvariantCulture) : int.Parse(digits, CultureInfo.InvariantCulture);

    private const string DatePattern = @"\+\d{1,4}|\d{1,2}\.\d{1,2}(?:\.\d{2}(?:\d{2})?)?|\d{1,2}\s+[а-яё]+\.?(?:\s+\d{4})?";

    [GeneratedRegex(@"^(?<date>" + DatePattern + @")(?:\s+(?<rest>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Leading();

    [GeneratedRegex(@"^(?<rest>.*?)\s*(?<date>" + DatePattern + ")$", RegexOptions.Singleline)]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^\+(?<n>\d{1,4})$")]
    private static partial Regex Plus();

    [GeneratedRegex(@"^(?<d>\d{1,2})\.(?<m>\d{1,2})(?:\.(?<y>\d{4}|\d{2}))?$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s+(?<m>" + RussianCalendarWords.Month + @")(?:\s+(?<y>\d{4}))?$")]
    private static partial Regex Words();
}
