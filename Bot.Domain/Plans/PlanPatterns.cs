using System.Text.RegularExpressions;

namespace NokoBot.Domain.Plans;

/// <summary>What item numbers and section headings look like in Russian plans.</summary>
internal static partial class PlanPatterns
{
    /// <summary>«1», «1.», «12)», «2.3», «2.3.», «1.1.1», «I.», «IV», «1)» — a cell that is only an item number.</summary>
    public static bool IsItemNumber(string cell) => ItemNumber().IsMatch(cell);

    /// <summary>The number without its trailing dot or bracket.</summary>
    public static string CleanNumber(string cell) => cell.Trim().TrimEnd('.', ')').Trim();

    /// <summary>
    /// The number that opens a cell and the text after it: «1. Заседание…», «1.1 Утверждение…», «I. Подготовка…»,
    /// «2) Сбор…». A plain number needs its dot or bracket («1 раз в квартал» is not numbered).
    /// </summary>
    public static bool TryLeadingNumber(string cell, out string number, out string rest)
    {
        var match = LeadingNumber().Match(cell);
        number = match.Success ? CleanNumber(match.Groups["n"].Value) : "";
        rest = match.Success ? match.Groups["rest"].Value : cell;
        return match.Success;
    }

    /// <summary>How many levels a number has: «2» is 1, «2.3» is 2.</summary>
    public static int Depth(string number) => number.Count(c => c == '.') + 1;

    /// <summary>«IV», «I»: a number written in Roman numerals.</summary>
    public static bool IsRoman(string number) => number.Length > 0 && number.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C' or 'І');

    /// <summary>«II. Применение результатов…», «1. Подготовка и проведение…», «Раздел 2. …».</summary>
    public static bool IsSectionHeading(string cell) => SectionHeading().IsMatch(cell);

    [GeneratedRegex(@"^(\d{1,3}(\.\d{1,3}){0,3}[.)]?|[IVXLCІ]{1,6}[.)]?)$")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^\s*(?<n>\d{1,3}(?:\.\d{1,3}){0,3}[.)]|\d{1,3}(?:\.\d{1,3}){1,3}|[IVXLCІ]{1,6}[.)])[ \t]+(?<rest>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^(Раздел\s+\S+|[IVXLCІ]{1,6}\.?|\d{1,2}\.)\s+\S.{8,}", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();
}
