using NokoBot.Domain.Reminders;

namespace NokoBot.Texts;

/// <summary>Every Russian text of the email channel. Values are plain text here; the HTML renderer escapes them.</summary>
public static class EmailTexts
{
    public const string Greeting = "Здравствуйте!";

    public static string ReminderSubject(ReminderKind kind, string number, DateOnly? due, string deadlineText)
    {
        var when = due is { } d ? $"срок до {DeadlineTexts.Date(d)}" : $"срок: {deadlineText}";
        return kind switch
        {
            ReminderKind.Overdue or ReminderKind.Escalation when due is { } was => $"Просрочено: п. {number} — срок был до {DeadlineTexts.Date(was)}",
            ReminderKind.Checkin => $"Как идёт работа: п. {number}",
            ReminderKind.AskDate => $"Нужен срок: п. {number}",
            _ => $"Напоминание: п. {number} — {when}",
        };
    }

    /// <summary>The subject of a letter about several items: their numbers and the council.</summary>
    public static string BundleSubject(IReadOnlyList<ReminderNotice> items, string councilName) =>
        items.Count == 1 ? ReminderSubject(items[0].Kind, items[0].ItemNumber, items[0].Due, items[0].DeadlineText)
        : $"Сроки по плану: п. {string.Join(", ", items.Select(i => i.ItemNumber))} — {councilName}";

    public static string BundleLead(string councilName, int count) =>
        $"Пункты плана совета «{councilName}», о которых пора напомнить ({count}), — ближайшие сроки сначала.";

    public static string ReminderLead(ReminderKind kind, string councilName, int daysOverdue) => kind switch
    {
        ReminderKind.Overdue => $"Срок пункта плана совета «{councilName}» прошёл {daysOverdue} {DeadlineTexts.Plural(daysOverdue, "день", "дня", "дней")} назад. Сообщите, пожалуйста, как обстоят дела.",
        ReminderKind.Escalation => $"Пункт плана совета «{councilName}» просрочен на {daysOverdue} {DeadlineTexts.Plural(daysOverdue, "день", "дня", "дней")}. Сообщаем вам как председателю.",
        ReminderKind.Checkin => $"Пункт плана совета «{councilName}» выполняется постоянно. Расскажите, пожалуйста, как идёт работа.",
        ReminderKind.AskDate => $"У пункта плана совета «{councilName}» нет даты. Укажите, пожалуйста, срок.",
        ReminderKind.Due => $"Сегодня срок пункта плана совета «{councilName}».",
        _ => $"Напоминаем о пункте плана совета «{councilName}».",
    };

    public const string LateNote = "Это напоминание отправлено с опозданием: сервис был недоступен.";

    public static string ItemLine(string number, string title) => $"Пункт {number}. {title}";
    public const string PartiesLabel = "Ответственные";
    public const string DeadlineLabel = "Срок";
    public const string ResultLabel = "Планируемый результат";

    public static string DeadlineValue(DateOnly? due, string deadlineText) =>
        due is { } d ? $"до {DeadlineTexts.Date(d)} (в плане: «{deadlineText}»)" : $"«{deadlineText}»";

    public const string HowToRespondTitle = "Как ответить";
    public const string HowToRespondLead = "Отправьте боту совета в Telegram:";

    /// <summary>The answers to a reminder (from <see cref="CommandTable.Answers"/>), for one item or for «N».</summary>
    public static IReadOnlyList<(string Command, string Meaning)> Commands(string number) =>
        [.. CommandTable.Answers.Select(c => (c.For(number), c.Described))];

    public const string NoTelegram = "Если вы не пользуетесь Telegram, сообщите о выполнении секретарю совета.";

    public static string ReminderFooter(string councilName, IReadOnlyList<string> numbers) =>
        numbers.Count == 1
            ? $"Вы получаете это письмо, потому что указаны ответственным по пункту {numbers[0]} плана работы совета «{councilName}»."
            : $"Вы получаете это письмо, потому что указаны ответственным по пунктам {string.Join(", ", numbers)} плана работы совета «{councilName}».";

    // The year's end
    public static string PlanOverSubject(int year, string councilName) => $"План на {year} год завершён — {councilName}";

    public static string PlanOverLead(int year, string councilName, int total, int open) => open == 0
        ? $"Год плана совета «{councilName}» закончился: все {total} {DeadlineTexts.Plural(total, "пункт выполнен", "пункта выполнены", "пунктов выполнены")}. Спасибо!"
        : $"Год плана совета «{councilName}» на {year} год закончился. Не выполнено {open} из {total}; напоминания по этому плану больше не приходят.";

    public static string PlanOverItem(string number, string title, DateOnly? due) =>
        $"п. {number} «{title}»" + (due is { } d ? $" — срок был до {DeadlineTexts.Date(d)}" : " — без срока");

    public const string PlanOverNext = "Загрузите план на следующий год: nokobot plan import <файл> --council <совет> --year <год>.";

    public const string PlanOverOpenTitle = "Не выполнено";

    public static string DigestFooter(string councilName) =>
        $"Вы получаете эту сводку, потому что включены в список рассылки совета «{councilName}».";

    public static string AgendaFooter(string councilName) =>
        $"Вы получаете это письмо как член совета «{councilName}».";

    public static string UnsubscribeHint(string address) =>
        $"Чтобы отписаться, напишите на {address} с темой «Отписаться» или сообщите секретарю совета.";

    public const string UnsubscribeSubject = "Отписаться";

    // Digest
    public static string DigestSubject(string councilName, DateOnly today) => $"Сводка по плану НОКО на {DeadlineTexts.Date(today)} — {councilName}";
    public static string DigestTitle(string councilName) => $"Еженедельная сводка: {councilName}";

    public static string DigestTotals(int total, int closed, int overdue, int dueSoon) =>
        $"Выполнено {closed} из {total} пунктов плана. Просрочено: {overdue}. Срок в ближайшие 14 дней: {dueSoon}.";

    public const string OverdueTitle = "Просрочено";

    public const string MeetingsAwaitingProtocolTitle = "Заседания, ожидающие протокола";

    public static string MeetingWithoutProtocol(DateTime localStart, string place) =>
        $"Заседание {localStart:dd.MM.yyyy HH:mm}, {place}: протокол не приложен (nokobot meeting protocol …)";
    public const string DueSoonTitle = "Срок в ближайшие 14 дней";
    public const string DoneTitle = "Выполнено за неделю";
    public const string PostponedTitle = "Перенесено";
    public const string AwaitingProtocolTitle = "Ждёт протокола";
    public const string NextMeetingTitle = "Ближайшее заседание";
    public const string NumberColumn = "№";
    public const string TitleColumn = "Мероприятие";
    public const string PartiesColumn = "Ответственные";
    public const string DeadlineColumn = "Срок";
    public const string DoneOnColumn = "Выполнено";
    public const string PostponeColumn = "Перенос";
    public const string ReasonColumn = "Причина";
    public const string NoDate = "без даты";

    /// <summary>An item in the digest's plain-text part, where there is no table: «п. 4. Title».</summary>
    public static string DigestTextItem(string number, string title) => $"п. {number}. {title}";

    public static string Postponement(DateOnly? from, DateOnly to) =>
        from is { } f ? $"{DeadlineTexts.Date(f)} → {DeadlineTexts.Date(to)}" : $"→ {DeadlineTexts.Date(to)}";

    // Meetings
    public static string MeetingWhen(DateTime localStart, string timeZone) =>
        $"{DeadlineTexts.Date(DateOnly.FromDateTime(localStart))} в {localStart:HH\\:mm} ({timeZone})";

    public static string AgendaSubject(string councilName, DateTime localStart, bool cancelled, int sequence) =>
        cancelled ? $"Отменено: заседание {DeadlineTexts.Date(DateOnly.FromDateTime(localStart))} — {councilName}"
        : sequence > 0 ? $"Изменения: заседание {DeadlineTexts.Date(DateOnly.FromDateTime(localStart))} — {councilName}"
        : $"Заседание {DeadlineTexts.Date(DateOnly.FromDateTime(localStart))} в {localStart:HH\\:mm} — {councilName}";

    public static string MeetingSummary(string councilName) => $"Заседание: {councilName}";
    public const string MeetingCancelledLead = "Заседание отменено.";
    public const string MeetingUpdatedLead = "Обратите внимание: данные заседания изменились.";
    public const string MeetingLead = "Приглашаем вас на заседание совета.";
    public const string WhenLabel = "Когда";
    public const string WhereLabel = "Где";
    public const string AgendaTitle = "Повестка";
    public static string AgendaItemRef(string number) => $"(п. {number} плана)";
    public const string IcsHint = "Приглашение для календаря — во вложении (invite.ics).";
}
