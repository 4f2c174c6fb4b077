namespace NokoBot.Domain.Plans;

/// <summary>
/// Recognises header cells by their words («№ п/п», «Наименование мероприятия», «Повестка», «Сроки», «Когда»,
/// «Ответственные», «Кто проводит», …), and the headers of columns no item needs («Примечание», «Отметка о выполнении»).
/// </summary>
internal static class HeaderWords
{
    public static PlanColumn? Classify(string cell)
    {
        if (Words(cell) is not { } text) return null;
        if (IsNumberHeader(cell)) return PlanColumn.Number;
        if (Has(text, "ответствен", "исполнител", "кто ")) return PlanColumn.Responsible;
        if (Has(text, "срок", "период", "когда") || text.StartsWith("дата", StringComparison.Ordinal)) return PlanColumn.Deadline;
        if (Has(text, "результат", "итог", "форма заверш")) return PlanColumn.Result;
        if (Has(text, "наименован", "мероприят", "содержание", "направлени", "повестк")) return PlanColumn.Action;
        return null;
    }

    /// <summary>A column kept for people, not for reminders: notes, marks of completion, signatures.</summary>
    public static bool IsExtra(string cell) =>
        Classify(cell) is null && Words(cell) is { } text && Has(text, "примечан", "отметк", "подпис", "комментар", "выполнен");

    public static bool IsNumberHeader(string cell)
    {
        var text = TextCleaner.Fold(cell).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        return text is "№" or "n" or "no" or "№п/п" or "np/p" or "nп/п" or "п/п" or "№№" or "номер" or "№пп" or "nпп";
    }

    /// <summary>How many cells of a row are header words.</summary>
    public static int Count(IEnumerable<string> row) => row.Count(c => Classify(c) is not null);

    /// <summary>The cell in lower case with a space after its last word, or null when it is empty or too long for a header.</summary>
    private static string? Words(string cell)
    {
        var text = TextCleaner.Fold(cell).ToLowerInvariant();
        return text.Length is 0 or > 80 ? null : text + " ";
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
