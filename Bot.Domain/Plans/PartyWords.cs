using System.Text.RegularExpressions;

namespace NokoBot.Domain.Plans;

/// <summary>How the names of responsible parties begin in councils' plans: language data for splitting and recognising them.</summary>
internal static partial class PartyWords
{
    /// <summary>First words of party names seen in councils' plans (nominative, as a party is named); a new party starts at one.</summary>
    public static readonly string[] Heads =
    [
        "Общественный совет", "Комитет", "Управление", "Отдел", "Департамент", "Министерство", "Администрация",
        "Уполномоченный орган", "Муниципальные", "Муниципальное", "Образовательные организации", "Образовательная организация",
        "Организация-оператор", "Оператор", "Руководители", "Члены", "Председатель", "Секретарь", "Рабочая группа",
        "Учреждения", "Организации", "Специалисты", "Глава", "Совет",
    ];

    /// <summary>
    /// Further first words of people and bodies a plan names as responsible («Начальник управления», «Заместитель
    /// председателя», «Докладчик»): they tell a column of parties, without splitting names where they stand.
    /// </summary>
    private static readonly string[] Roles =
    [
        "Заместитель", "Начальник", "Руководитель", "Директор", "Специалист", "Член", "Эксперт", "Методист", "Инспектор",
        "Консультант", "Ответственный", "Уполномоченный", "Комиссия", "Группа", "Служба", "Агентство", "Учреждение",
        "Общественная палата", "Депутаты", "Представители", "Докладчик",
    ];

    /// <summary>Whether a piece of a responsible cell begins like a party name, or is a person («Иванова И.И.», «И.И. Иванова»).</summary>
    public static bool BeginsParty(string piece) => Heads.Concat(Roles).Any(head => StartsWith(piece, head)) || PersonName().IsMatch(piece);

    /// <summary>The text begins with the whole word(s) <paramref name="head"/>, in any case.</summary>
    public static bool StartsWith(string text, string head) =>
        text.StartsWith(head, StringComparison.OrdinalIgnoreCase) && (text.Length == head.Length || !char.IsLetter(text[head.Length]));

    // A surname with initials after or before it: how an agenda names its speakers.
    [GeneratedRegex(@"^(\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?\s+\p{Lu}\.\s?(\p{Lu}\.)?|\p{Lu}\.\s?(\p{Lu}\.\s?)?\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?)(\s|$)")]
    private static partial Regex PersonName();
}
