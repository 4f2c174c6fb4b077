namespace NokoBot.Plans;

/// <summary>
/// Words a plan's header row carries («Сроки», «Наименование мероприятия», «Ответственные»): language data the
/// .docx reader matches against a document to pick the plan's table, never shown to anyone (so not in Texts).
/// </summary>
internal static class PlanHeaderWords
{
    private static readonly string[] Words = ["Срок", "Наименование", "Ответствен"];

    public static bool IsHeaderCell(string cell) => Words.Any(w => cell.Contains(w, StringComparison.OrdinalIgnoreCase));
}
