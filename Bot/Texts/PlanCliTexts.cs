namespace NokoBot.Texts;

/// <summary>What <c>nokobot plan import|show</c> says: the outcome, and the table of how each deadline was understood.</summary>
public static class PlanCliTexts
{
    public const string CouncilRequired = "Укажите совет: --council <краткое имя> (или --dry-run, чтобы только проверить файл).";

    public const string DryRun = "Проверка без сохранения (--dry-run): база не изменена.";

    public static string CouncilToAdd(string slug) =>
        $"Совет «{slug}» не найден. Добавьте его: nokobot council add --name \"…\" --slug {slug} --tz Europe/Moscow";

    public static string Unchanged(string fileName, string councilName, int year) =>
        $"План {fileName} уже загружен для «{councilName}» на {year} год: изменений нет.";

    public static string Stored(int year, string councilName, int added, int updated, int removed) =>
        $"План на {year} год сохранён для «{councilName}»: добавлено {added}, обновлено {updated}, снято {removed}.";

    public static string NoPlan(string councilName, int? year, string slug) =>
        $"У совета «{councilName}» ещё нет плана{(year is null ? "" : $" на {year} год")}. Загрузите: nokobot plan import <файл> --council {slug} --year …";

    public static string Heading(string councilName, int year, string sourceFile) => $"{councilName}: план на {year} год (файл {sourceFile}).";

    // The table
    public const string NumberColumn = "№";
    public const string TitleColumn = "Мероприятие";
    public const string PartiesColumn = "Ответственные";
    public const string DeadlineTextColumn = "Срок в плане";
    public const string UnderstoodColumn = "Как понят";
    public const string AttentionColumn = "Внимание";

    /// <summary>An item whose date the secretary set.</summary>
    public static string DueSet(DateOnly due) => $"до {DeadlineTexts.Date(due)} (назначено)";

    // The summary under it
    public static string ItemCount(int count) => $"Пунктов: {count}.";

    public static string NeedDate(IEnumerable<string> numbers) => $"Нужна дата: п. {string.Join(", ", numbers)} (задайте её командой /setdue в Telegram).";

    public static string WaitingForEvent(IEnumerable<string> numbers) => $"Ждут события: п. {string.Join(", ", numbers)} (отметьте событие командой /event).";

    public static string UnlinkedParties(IEnumerable<string> parties) =>
        $"Ответственные без участников: {string.Join("; ", parties)} (пригласите: nokobot invite --party \"…\").";

    // How the table was read (the summary itself is PlanLayoutTexts.Summary, shared with the chat)
    public const string ColumnsHint =
        "Если колонка определена неверно, укажите колонки сами, считая с 1: --columns action=2,deadline=3,responsible=4 (0 — такой колонки нет).";

    // --columns
    public const string ColumnsShape = "--columns: ожидается список вида action=2,deadline=3,responsible=4.";

    public static string ColumnsUnknownRole(string name, IEnumerable<string> roles) =>
        $"--columns: «{name}» — не колонка плана; можно: {string.Join(", ", roles)}.";

    public static string ColumnsBadNumber(string role, string value) =>
        $"--columns: «{role}={value}» — после «=» нужен номер колонки, считая с 1 (0 — такой колонки нет).";

    public static string ColumnsRoleTwice(string role) => $"--columns: «{role}» указана дважды.";

    public static string ColumnsSameColumn(int column, string first, string second) => $"--columns: колонка {column} указана и для «{first}», и для «{second}».";

    public const string ColumnsNoAction = "--columns: action=0 нельзя: без колонки мероприятия план не прочитать.";
}
