using System.Text.RegularExpressions;

namespace NokoBot.Domain.Plans;

/// <summary>What item numbers and section headings look like in Russian plans.</summary>
internal static partial class PlanPatterns
{
    /// <summary>«1», «1.», «12)», «2.3», «2.3.», «1.1.1» — a cell that is only an item number.</summary>
    public static bool IsItemNumber(string cell) => ItemNumber().IsMatch(cell);

    /// <summary>The number without its trailing dot or bracket.</summary>
    public static string CleanNumber(string cell) => cell.Trim().TrimEnd('.', ')').Trim();

    /// <summary>«II. Применение результатов…», «1. Подготовка и проведение…», «Раздел 2. …».</summary>
    public static bool IsSectionHeading(string cell) => SectionHeading().IsMatch(cell);

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){0,3}[.)]?$")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^(Раздел\s+\S+|[IVXLCІ]{1,6}\.?|\d{1,2}\.)\s+\S.{8,}", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();
}
