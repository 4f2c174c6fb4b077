using System.Globalization;

namespace NokoBot.Texts;

/// <summary>The words of the year-end report (Word and HTML alike), and what the CLI and the chat say about it.</summary>
public static class ReportTexts
{
    public const string Title = "Отчёт о выполнении плана работы";

    public static string Subtitle(int year) => $"за {year} год";

    public static string AsOf(DateOnly day) => $"Составлен {DeadlineTexts.Date(day)} по данным NokoBot";

    public const string SummaryHeading = "Итоги года";

    public static string Summary(int total, int done, int open, int overdue) =>
        $"Всего пунктов: {total}. Выполнено: {done}, в работе: {open}, просрочено: {overdue}.";

    public const string PartiesHeading = "По ответственным";
    public const string PartyColumn = "Ответственный";
    public const string DoneColumn = "Выполнено";
    public const string OpenColumn = "В работе";
    public const string OverdueColumn = "Просрочено";

    public const string ItemsHeading = "Пункты плана";
    public const string NumberColumn = "№";
    public const string ActionColumn = "Мероприятие";
    public const string ResponsibleColumn = "Ответственные";
    public const string DeadlineColumn = "Срок по плану";
    public const string EndedDueColumn = "Итоговый срок";
    public const string StatusColumn = "Статус";
    public const string DoneByColumn = "Отметки о выполнении";
    public const string PostponedColumn = "Переносы";
    public const string ProtocolsColumn = "Протоколы";

    public const string StatusDone = "выполнен";
    public const string StatusOpen = "в работе";
    public const string StatusOverdue = "просрочен";

    public const string None = "—";

    public static string DoneMark(string who, DateTimeOffset localAt) => $"{who}, {localAt.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

    public static string Postponement(DateOnly to, string? reason) => $"на {DeadlineTexts.Date(to)}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}");

    public static string Protocol(string fileName, DateTimeOffset localAt, string sha256) =>
        $"{fileName}, {localAt.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}, SHA-256 {sha256}";

    public const string MeetingsHeading = "Заседания";

    public const string NoMeetings = "Заседаний, проведённых через NokoBot, в этом году не было.";

    public static string Meeting(DateTime localStart, string place) =>
        $"{localStart.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}, {place}";

    public const string Agenda = "Повестка:";

    public static string MeetingProtocol(string? fileName) => fileName is null ? "Протокол не приложен." : $"Протокол: {fileName}.";

    public const string ChartHeading = "Пункты по месяцу срока";
    public const string ChartDone = "выполнено";
    public const string ChartNotDone = "не выполнено";

    public static string Month(int month) => CultureInfo.GetCultureInfo("ru-RU").DateTimeFormat.AbbreviatedMonthNames[month - 1].TrimEnd('.');

    // The CLI and the chat

    public static string Caption(int year, string council) => $"Отчёт за {year} год: {council}";

    public static string NoPlanForYear(int year) => $"У совета нет плана на {year} год: отчёт не из чего составить.";

    public static string Written(string path, int items) => $"Отчёт записан: {path} (пунктов: {items}).";

    public static string BadFormat(string format) => $"Формат «{format}» не поддерживается: укажите --format docx или --format html.";
}
