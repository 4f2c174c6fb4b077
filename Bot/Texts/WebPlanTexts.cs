using System.Globalization;

namespace NokoBot.Texts;

/// <summary>Where an item stands, as a badge shows it.</summary>
public enum ItemStatusName { Done, Open, Overdue, WaitingForDate, WaitingForEvent }

/// <summary>The plan as the council pages show it: the year, an item, the timeline, meetings, members, the public page, the calendar feed.</summary>
public static class WebPlanTexts
{
    public static string Status(ItemStatusName status) => status switch
    {
        ItemStatusName.Done => "выполнено",
        ItemStatusName.Overdue => "просрочено",
        ItemStatusName.WaitingForDate => "ждёт даты",
        ItemStatusName.WaitingForEvent => "ждёт события",
        _ => "в работе",
    };

    /// <summary>The filter's value for a status, in the page's address.</summary>
    public static string StatusKey(ItemStatusName status) => status switch
    {
        ItemStatusName.Done => "done",
        ItemStatusName.Overdue => "overdue",
        ItemStatusName.WaitingForDate => "date",
        ItemStatusName.WaitingForEvent => "event",
        _ => "open",
    };

    // The year

    public static string YearTitle(int year) => $"План на {year} год";

    public const string NoPlan = ChatTexts.NoPlan;

    public static string Summary(int total, IEnumerable<(ItemStatusName Status, int Count)> counts) =>
        $"Всего пунктов: {total}" + string.Concat(counts.Where(c => c.Count > 0).Select(c => $" · {Status(c.Status)}: {c.Count}"));

    public const string FilterParty = "Ответственный";
    public const string FilterStatus = "Состояние";
    public const string FilterAll = "все";
    public const string FilterApply = "Показать";
    public const string FilterReset = "Сбросить";
    public const string NothingMatches = "Под эти условия пунктов нет.";

    public const string ColumnNumber = "№";
    public const string ColumnTitle = "Мероприятие";
    public const string ColumnStatus = "Состояние";
    public const string ColumnDeadline = "Срок по плану";
    public const string ColumnUnderstood = "Как понят срок";
    public const string ColumnDue = "Текущий срок";
    public const string ColumnParties = "Ответственные";
    public const string ColumnLastReply = "Последний ответ";

    public const string DeadlineEmpty = "не указан";
    public const string NoDueYet = "—";
    public const string NoReplyYet = "ответов не было";

    public static string Due(DateOnly due, DateOnly today)
    {
        var late = today.DayNumber - due.DayNumber;
        return late > 0 ? $"{DeadlineTexts.Date(due)} (просрочено на {late} {DeadlineTexts.Plural(late, "день", "дня", "дней")})" : DeadlineTexts.Date(due);
    }

    public static string LastReply(DateTimeOffset localAt, string who, string what) =>
        $"{localAt.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} — {who}: {what}";

    public const string PartyDone = "отчитался";
    public const string PartyOpen = "не отчитался";

    // Acting on an item

    public static string ItemTitle(string number, string title) => $"п. {number} {title}";

    public const string Section = "Раздел";
    public const string Result = "Ожидаемый результат";
    public const string History = "История";
    public const string NoHistory = "Ответов пока не было.";
    public const string Download = "скачать";

    public const string SetDueHeading = "Назначить срок";
    public const string SetDueButton = "Назначить";
    public const string DoneHeading = "Отметить выполнение";
    public const string DoneParty = "За кого";
    public const string DoneWholeItem = "весь пункт (закрыть)";
    public const string DoneComment = "Комментарий";
    public const string DoneButton = "Отметить";
    public const string PostponeHeading = "Перенести срок";
    public const string PostponeReason = "Причина";
    public const string PostponeButton = "Перенести";
    public const string DateLabel = "Дата";
    public const string EventHeading = "Отметить событие";
    public const string EventName = "Событие";
    public const string EventButton = "Отметить";
    public const string EventHint = "Сроки «в течение N дней после …» получат даты.";
    public const string BadDate = "Укажите дату в виде ДД.ММ.ГГГГ.";
    public const string EventNameMissing = "Напишите, какое событие произошло.";
    public const string TooLong = "Слишком длинный текст: сократите его.";
    public const string ClosedNotice = "Пункт выполнен: менять его уже не нужно.";
    public const string BackToPlan = "← Весь план";

    // The timeline

    public static string TimelineTitle(int year) => $"График на {year} год";

    public const string TimelineLead = "Периоды — полосы, сроки — отметки, ромбы — заседания. Наведите на отметку, чтобы увидеть пункт.";
    public const string Today = "сегодня";
    public const string Meetings = "Заседания";
    public const string LegendDone = "выполнено";
    public const string LegendOverdue = "просрочено";
    public const string LegendOpen = "в работе";
    public const string LegendWaiting = "без даты";
    public const string LegendMeeting = "заседание";

    private static readonly string[] MonthNames = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

    public static string Month(int month) => MonthNames[month - 1];

    public static string RowLabel(string number) => $"п. {number}";

    public static string ItemMark(string number, string title, string status, string when) => $"п. {number} «{Titles.Shorten(title)}» — {when}, {status}";

    public static string MeetingMark(DateTime local, string place) => $"Заседание {local.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}, {place}";

    // Meetings and members

    public const string MeetingsTitle = "Заседания";
    public const string NoMeetings = "Заседаний пока не назначено.";
    public const string Agenda = "Повестка";
    public const string EmptyAgenda = "Повестка пока пуста.";
    public const string Protocol = "Протокол";
    public const string NoProtocol = "Протокол ещё не приложен.";
    public const string Cancelled = "отменено";

    public static string MeetingHeading(DateTime local, string place) => $"{local.ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture)} — {place}";

    public static string AgendaLine(string? number, string text) => number is null ? text : $"п. {number} «{Titles.Shorten(text)}»";

    public const string MembersTitle = "Участники совета";
    public const string ColumnName = "Имя";
    public const string ColumnRole = "Роль";
    public const string ColumnResponsibility = "Ответственность";
    public const string ColumnChannels = "Связь";
    public const string Telegram = "Telegram";
    public const string Email = "почта";
    public const string NoChannel = "нет связи";
    public const string NoMembers = "Участников пока нет.";

    // The public page

    public static string PublicTitle(string council) => council;

    public static string PublicLead(int year) => $"План мероприятий по независимой оценке качества условий оказания услуг (НОКО) на {year} год и его выполнение.";

    public static string PublicAsOf(DateOnly today) => $"Состояние на {DeadlineTexts.Date(today)}.";

    // The calendar feed

    public static string FeedName(string council, bool mine) => mine ? $"{council}: мои сроки" : $"{council}: сроки плана";

    public static string FeedItemSummary(string number, string title) => $"п. {number} {Titles.Shorten(title)}";

    public static string FeedItemDescription(string title, IReadOnlyList<string> parties, string deadlineText, string result, string link) =>
        $"{title}\nОтветственные: {string.Join(", ", parties)}\nСрок по плану: {(deadlineText.Length == 0 ? DeadlineEmpty : deadlineText)}\nОжидаемый результат: {result}\n{link}";

    public static string FeedMeetingSummary(string council) => EmailTexts.MeetingSummary(council);
}
