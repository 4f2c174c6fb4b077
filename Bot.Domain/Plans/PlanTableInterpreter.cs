using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Plans;

/// <summary>
/// Turns a raw <see cref="PlanTable"/> into plan items: finds the header, decides which column holds what (by header
/// words, else by what the cells hold, or as the secretary said), skips the header repeated after page breaks and the
/// row of column numbers under it, takes one-cell rows as section headings, joins a row Word split across a page
/// break, numbers the items (a «№» column, the number opening the action cell, or in order), and parses every
/// deadline. Warnings (Russian) tell the secretary what to look at; <see cref="PlanImport.Layout"/> tells how the
/// columns were taken.
/// </summary>
public static class PlanTableInterpreter
{
    private const string NotAPlan =
        "Файл не похож на план: не найдена таблица с заголовками колонок «№», «Наименование мероприятия», «Ответственные», «Сроки».";

    /// <param name="columns">The secretary's word on where columns are: role → column counted from 1, 0 for none.</param>
    public static PlanImport Interpret(
        PlanTable table, int planYear, IReadOnlyCollection<string>? knownParties = null, IReadOnlyDictionary<PlanColumn, int>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (HeaderRow.Find(table, planYear) is not { } found) throw new PlanFormatException(NotAPlan);
        var header = found.Index >= 0 ? table.Rows[found.Index] : [];
        var warnings = new List<string>();
        foreach (var row in table.Rows.Take(found.Index).Where(r => !IsBlank(r)))
            warnings.Add($"Строка «{Quote(row)}» стоит над заголовком таблицы и пропущена.");
        var body = table.Rows.Skip(found.Index + 1).Where(r => !IsBlank(r) && !IsRepeatedHeader(r, header) && !IsColumnNumbering(r)).ToList();

        var layout = ColumnAssigner.Assign(header, body, planYear, columns);
        if (layout.Of(PlanColumn.Action) is null)
            throw new PlanFormatException("В таблице плана нет колонки с наименованием мероприятия.");
        // Without the header's words, a table is a plan only when some column holds deadlines or parties too.
        if (!found.ByWords && columns is null && layout.Of(PlanColumn.Deadline) is null && layout.Of(PlanColumn.Responsible) is null)
            throw new PlanFormatException(NotAPlan);

        var width = Math.Max(header.Count, body.Select(r => r.Count).DefaultIfEmpty(0).Max());
        var rows = ItemRowReader.Read(body, layout, width, warnings);
        var items = new List<PlanItem>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, itemSection, cells) in rows)
        {
            if (!seen.Add(number))
                throw new PlanFormatException($"Пункт {number} встречается в плане дважды: исправьте нумерацию и загрузите файл снова.");
            var title = TextCleaner.FoldKeepingLists(cells[PlanColumn.Action]);
            var deadlineText = TextCleaner.Collapse(cells.GetValueOrDefault(PlanColumn.Deadline, ""));
            var deadline = RussianDeadlineParser.Parse(deadlineText, planYear);
            var responsible = PartySplitter.Split(cells.GetValueOrDefault(PlanColumn.Responsible, ""), knownParties);
            items.Add(new PlanItem(number, itemSection, title, responsible, deadlineText, deadline, TextCleaner.Fold(cells.GetValueOrDefault(PlanColumn.Result, ""))));
            if (title.Length == 0) warnings.Add($"У пункта {number} нет наименования мероприятия.");
            if (deadline is UnknownDeadline) warnings.Add($"Срок пункта {number} «{Shorten(deadlineText)}» не распознан: укажите дату.");
            if (responsible.Count == 0) warnings.Add($"У пункта {number} не указаны ответственные: напоминания получит секретарь.");
        }
        if (items.Count == 0)
            throw new PlanFormatException("В таблице плана не найдено ни одного пункта с номером.");
        return new PlanImport(items, warnings, layout);
    }

    private static bool IsBlank(IReadOnlyList<string> row) => row.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// The header again after a page break: at least two cells the same as the header's, or three short cells that
    /// name different columns. (An item's cells can contain header words: «…по результатам НОКО».)
    /// </summary>
    private static bool IsRepeatedHeader(IReadOnlyList<string> row, IReadOnlyList<string> header)
    {
        var same = row.Zip(header).Count(p => p.First.Trim().Length > 0 && TextCleaner.Fold(p.First) == TextCleaner.Fold(p.Second));
        return same >= 2 || row.Where(c => c.Trim().Length <= 40).Select(HeaderWords.Classify).OfType<PlanColumn>().Distinct().Count() >= 3;
    }

    /// <summary>The row under a header that numbers its columns: «1 | 2 | 3 | 4 | 5».</summary>
    private static bool IsColumnNumbering(IReadOnlyList<string> row)
    {
        var filled = row.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return filled.Count >= 3 && filled.Select((cell, i) => cell == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).All(same => same);
    }

    /// <summary>A row's filled cells as the secretary will recognise them in a warning.</summary>
    internal static string Quote(IReadOnlyList<string> row) =>
        Shorten(TextCleaner.Fold(string.Join(" | ", row.Where(c => !string.IsNullOrWhiteSpace(c)))));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
