using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Plans;

/// <summary>
/// Turns a raw <see cref="PlanTable"/> into plan items: finds the header and the order of its columns, skips the
/// header repeated after page breaks, takes one-cell rows as section headings, joins a row Word split across a page
/// break, and parses every deadline. Warnings (Russian) tell the secretary what to look at.
/// </summary>
public static class PlanTableInterpreter
{
    public static PlanImport Interpret(PlanTable table, int planYear, IReadOnlyCollection<string>? knownParties = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var headerIndex = FindHeader(table);
        if (headerIndex < 0)
            throw new PlanFormatException(
                "Файл не похож на план: не найдена таблица с заголовками колонок «№», «Наименование мероприятия», «Ответственные», «Сроки».");
        var columns = MapColumns(table.Rows[headerIndex]);
        if (!columns.ContainsKey(PlanColumn.Title))
            throw new PlanFormatException("В таблице плана нет колонки с наименованием мероприятия.");

        var warnings = new List<string>();
        var rows = new List<(string Number, string? Section, Dictionary<PlanColumn, string> Cells)>();
        string? section = null;
        var numbered = columns.ContainsKey(PlanColumn.Number);
        var header = table.Rows[headerIndex];
        foreach (var row in table.Rows.Skip(headerIndex + 1))
        {
            var filled = row.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
            if (filled.Count == 0 || IsRepeatedHeader(row, header)) continue;
            var cells = columns.ToDictionary(c => c.Key, c => c.Value < row.Count ? row[c.Value] : "");
            if (!numbered)
            {
                // A plan without a «№» column: rows are numbered in order.
                rows.Add(((rows.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), section, cells));
                continue;
            }
            var numberCell = cells[PlanColumn.Number].Trim();
            if (filled.Count == 1 && !PlanPatterns.IsItemNumber(filled[0].Trim()))
            {
                section = TextCleaner.Fold(filled[0]);
                continue;
            }
            if (numberCell.Length == 0 && rows.Count > 0)
            {
                // The rest of a row that Word carried over to the next page: its cells go on.
                var previous = rows[^1].Cells;
                foreach (var (column, text) in cells.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
                    previous[column] = previous[column] + "\n" + text;
                continue;
            }
            if (!PlanPatterns.IsItemNumber(numberCell))
            {
                warnings.Add($"Строка «{Shorten(TextCleaner.Fold(string.Join(" | ", filled)))}» не похожа на пункт плана (нет номера) и пропущена.");
                continue;
            }
            rows.Add((PlanPatterns.CleanNumber(numberCell), section, cells));
        }

        var items = new List<PlanItem>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (number, itemSection, cells) in rows)
        {
            if (!seen.Add(number))
                throw new PlanFormatException($"Пункт {number} встречается в плане дважды: исправьте нумерацию и загрузите файл снова.");
            var title = TextCleaner.Fold(cells[PlanColumn.Title]);
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
        return new PlanImport(items, warnings);
    }

    private static int FindHeader(PlanTable table)
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var kinds = table.Rows[i].Select(HeaderWords.Classify).OfType<PlanColumn>().ToList();
            if (kinds.Distinct().Count() >= 3 && kinds.Contains(PlanColumn.Title)) return i;
        }
        return -1;
    }

    /// <summary>Each column's role by its header words; an unnamed first column counts as «№».</summary>
    private static Dictionary<PlanColumn, int> MapColumns(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<PlanColumn, int>();
        for (var i = 0; i < header.Count; i++)
            if (HeaderWords.Classify(header[i]) is { } kind) columns.TryAdd(kind, i);
        if (!columns.ContainsKey(PlanColumn.Number) && columns.Values.All(i => i != 0)) columns[PlanColumn.Number] = 0;
        return columns;
    }

    /// <summary>
    /// The header again after a page break: at least two cells the same as the header's, or three short cells that
    /// name different columns. (An item's cells can contain header words: «…по результатам НОКО».)
    /// </summary>
    private static bool IsRepeatedHeader(IReadOnlyList<string> row, IReadOnlyList<string> header)
    {
        var same = row.Zip(header).Count(p => p.First.Trim().Length > 0 && TextCleaner.Fold(p.First) == TextCleaner.Fold(p.Second));
        return same >= 2 || row.Where(c => c.Trim().Length <= 40).Select(HeaderWords.Classify).OfType<PlanColumn>().Distinct().Count() >= 3;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
