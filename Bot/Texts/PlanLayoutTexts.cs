using NokoBot.Domain.Plans;

namespace NokoBot.Texts;

/// <summary>
/// How a plan's table was read, in words: which column holds what and why, where the items' numbers come from. For
/// <c>plan import</c> and the chat's preview of an imported plan.
/// </summary>
public static class PlanLayoutTexts
{
    public static string Role(PlanColumn role) => role switch
    {
        PlanColumn.Number => "№",
        PlanColumn.Action => "мероприятие",
        PlanColumn.Responsible => "ответственные",
        PlanColumn.Deadline => "срок",
        _ => "результат",
    };

    /// <summary>Why a column was taken for its role: «заголовок «Сроки»», «по содержимому: сроки в 5 из 6 заполненных ячеек».</summary>
    public static string Reason(ColumnChoice choice) => choice.FoundBy switch
    {
        ColumnFoundBy.Header => $"заголовок «{choice.Header}»",
        ColumnFoundBy.Override => "указано вручную",
        _ => $"по содержимому: {Sign(choice.Sign)} в {choice.Matching} из {choice.Filled} "
            + DeadlineTexts.Plural(choice.Filled, "заполненной ячейки", "заполненных ячеек", "заполненных ячеек"),
    };

    private static string Sign(ContentSign? sign) => sign switch
    {
        ContentSign.Numbers => "номера пунктов",
        ContentSign.Deadlines => "сроки",
        ContentSign.Parties => "названия ответственных",
        ContentSign.Actions => "описания мероприятий",
        _ => "текст",
    };

    /// <summary>
    /// How the table was read, as lines for any channel (the CLI report, the chat's preview of a plan): each role's
    /// column and why, where the numbers come from, and the columns with text that were not read.
    /// </summary>
    public static IReadOnlyList<string> Summary(PlanLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var lines = new List<string> { $"Колонки: {string.Join("; ", layout.Columns.Select(Column))}; {Numbering(layout.Numbering)}." };
        if (layout.UnusedColumns.Count > 0)
            lines.Add($"Не прочитаны: {string.Join("; ", layout.UnusedColumns.Select(c => Unused(c, c <= layout.Header.Count ? layout.Header[c - 1] : "")))}.");
        return lines;
    }

    /// <summary>«срок — колонка 3 (заголовок «Когда»)».</summary>
    private static string Column(ColumnChoice choice) => $"{Role(choice.Role)} — колонка {choice.Column} ({Reason(choice)})";

    private static string Numbering(ItemNumbering numbering) => numbering switch
    {
        ItemNumbering.Column => "номера пунктов — в колонке «№»",
        ItemNumbering.ActionCell => "номер пункта стоит в начале ячейки мероприятия",
        _ => "пункты не пронумерованы: номера даны по порядку",
    };

    /// <summary>A column no role took: «колонка 5 «Примечание»».</summary>
    private static string Unused(int column, string header) => header.Length > 0 ? $"колонка {column} «{header}»" : $"колонка {column}";
}
