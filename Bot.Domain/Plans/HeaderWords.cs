namespace NokoBot.Domain.Plans;

/// <summary>The columns of a plan, as its header names them.</summary>
public enum PlanColumn { Number, Title, Responsible, Deadline, Result }

/// <summary>Recognises header cells by their words («№ п/п», «Наименование мероприятия», «Сроки», …).</summary>
internal static class HeaderWords
{
    public static PlanColumn? Classify(string cell)
    {
        var text = TextCleaner.Fold(cell).ToLowerInvariant();
        if (text.Length == 0 || text.Length > 80) return null;
        if (IsNumberHeader(text)) return PlanColumn.Number;
        if (text.Contains("ответствен", StringComparison.Ordinal) || text.Contains("исполнител", StringComparison.Ordinal)) return PlanColumn.Responsible;
        if (text.Contains("срок", StringComparison.Ordinal) || text.StartsWith("дата", StringComparison.Ordinal) || text.Contains("период", StringComparison.Ordinal)) return PlanColumn.Deadline;
        if (text.Contains("результат", StringComparison.Ordinal) || text.Contains("итог", StringComparison.Ordinal) || text.Contains("форма заверш", StringComparison.Ordinal)) return PlanColumn.Result;
        if (text.Contains("наименован", StringComparison.Ordinal) || text.Contains("мероприят", StringComparison.Ordinal)
            || text.Contains("содержание", StringComparison.Ordinal) || text.Contains("направлени", StringComparison.Ordinal)) return PlanColumn.Title;
        return null;
    }

    public static bool IsNumberHeader(string cell)
    {
        var text = TextCleaner.Fold(cell).ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        return text is "№" or "n" or "no" or "№п/п" or "np/p" or "nп/п" or "п/п" or "№№" or "номер" or "№пп" or "nпп";
    }

    /// <summary>How many cells of a row are header words.</summary>
    public static int Count(IEnumerable<string> row) => row.Count(c => Classify(c) is not null);
}
