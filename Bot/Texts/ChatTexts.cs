using System.Globalization;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Reminders;

namespace NokoBot.Texts;

/// <summary>Everything the bot says in a chat (Russian), for members, the secretary and the chair.</summary>
public static class ChatTexts
{
    public const string Stranger =
        "Здравствуйте! Этот бот работает только для участников общественного совета. Попросите у секретаря совета ссылку-приглашение.";

    public const string InviteInvalid =
        "Ссылка-приглашение недействительна: она уже использована или срок её действия истёк. Попросите у секретаря новую.";

    public const string AdminOnly = "Эта команда доступна только секретарю и председателю совета.";

    public const string NoPlan = "У совета пока нет загруженного плана.";

    public const string NotACommand = "Я понимаю команды. Список — /help.";

    public const string NoOpenItems = "Открытых пунктов у вас нет.";

    public const string MemberFallbackName = "участник";

    public const string SecretaryFallbackName = "секретарь";

    // Reminders

    /// <summary>Everything due for one person at one moment: each item's headline and details, soonest first.</summary>
    public static ChatText Reminders(IReadOnlyList<ReminderNotice> items, bool late)
    {
        ArgumentNullException.ThrowIfNull(items);
        var lines = new List<TextLine>();
        if (items.Count > 1) lines.Add(new TextLine(ReminderTexts.BundleHeadline(items), true));
        foreach (var n in items)
        {
            if (lines.Count > 0) lines.Add(new TextLine(""));
            lines.Add(new TextLine(ReminderTexts.Headline(n), true));
            lines.AddRange(ReminderTexts.Details(n, answerHint: items.Count == 1).Select(d => new TextLine(d)));
        }
        if (items.Count > 1 && items.Any(n => n.Kind is not (ReminderKind.AskDate or ReminderKind.Escalation)))
            lines.AddRange([new TextLine(""), new TextLine(ReminderTexts.BundleAnswerHint)]);
        if (late) lines.Add(new TextLine(ReminderTexts.LateNote));
        return new ChatText(lines);
    }

    public static ChatText PlanOver(int year, string council, int total, IReadOnlyList<(string Number, string Title, DateOnly? Due)> open) =>
        ChatText.Heading(EmailTexts.PlanOverSubject(year, council),
            [EmailTexts.PlanOverLead(year, council, total, open.Count), .. open.Select(i => "• " + EmailTexts.PlanOverItem(i.Number, Shorten(i.Title), i.Due)), EmailTexts.PlanOverNext]);

    // Buttons

    public const string ButtonDone = "Готово";
    public const string ButtonWeek = "+7 дней";
    public const string ButtonOtherDate = "Другая дата";
    public const string ButtonProtocol = "Протокол";

    public static string ButtonDoneFor(string number) => $"✅ п. {number}";

    public const string ToastStranger = "Эта кнопка не для вас: бот работает только для участников совета.";
    public const string ToastStale = "Кнопка устарела: этого пункта нет в плане вашего совета.";
    public const string ToastNotYours = "Эта кнопка адресована другому участнику.";
    public const string ToastWriteDate = "Напишите дату сообщением";
    public const string ToastSendProtocol = "Пришлите файл протокола";
    public const string PostponedByButton = "перенос кнопкой «+7 дней»";

    // Help and errors

    /// <summary>The answer to /help: the members' commands, and for the secretary and chair theirs too (from <see cref="CommandTable"/>).</summary>
    public static ChatText Help(bool admin)
    {
        var lines = new List<TextLine> { new("Команды", true) };
        lines.AddRange(Commands(CommandAudience.Members));
        if (admin)
        {
            lines.Add(new(""));
            lines.Add(new("Для секретаря и председателя", true));
            lines.AddRange(Commands(CommandAudience.SecretaryAndChair));
        }
        return new ChatText(lines);

        static IEnumerable<TextLine> Commands(CommandAudience audience) =>
            CommandTable.All.Where(c => c.Audience == audience && c != CommandTable.Help).Select(c => new TextLine(c.Line));
    }

    public static string Unknown(string name) => $"Не знаю команды /{name}. Список команд — /help.";

    public static string Usage(string usage) => $"Использование: {usage}";

    public static string AskDate(string number) => $"Напишите новую дату для п. {number}: например 15.07, 15 июля или +7.";

    public static string BadDate(string text) => $"Не понял дату «{text}». Напишите её так: 15.07, 15.07.2020, 15 июля или +7.";

    public static string SendProtocol(string number) => $"Пришлите файл протокола с подписью /protocol {number}.";

    public static string ProtocolTooBig(long maxBytes) => $"Файл слишком большой: можно до {maxBytes / 1024 / 1024} МБ.";

    public static string ProtocolType(string fileName) =>
        $"Файл «{fileName}» не подходит: пришлите протокол в PDF, Word (DOC, DOCX, ODT, RTF), TXT или как изображение (JPG, PNG, TIFF).";

    public const string ProtocolWhichItem =
        "В этом сообщении несколько пунктов: пришлите файл протокола с подписью /protocol N, чтобы было ясно, к какому пункту он относится.";

    // Views

    public static ChatText Greeting(string name, string council, string? party, IReadOnlyList<string> openItems) => ChatText.FromLines(
    [
        new($"Здравствуйте, {name}! Вы подключены к совету «{council}»" + (party is null ? "." : $" как ответственный «{party}».")),
        new(""),
        .. openItems.Count == 0
            ? [new TextLine("Открытых пунктов у вас сейчас нет.")]
            : (IEnumerable<TextLine>)[new TextLine("Ваши открытые пункты", true), .. openItems.Select(i => new TextLine(i))],
        new(""),
        new("Я напомню о сроках заранее: всё, что накопилось, одним сообщением. Время и сводку можно выбрать: /settings. Команды — /help."),
    ]);

    public static string ItemLine(string number, string title, string when) => $"п. {number} «{Shorten(title)}» — {when}";

    public static ChatText MyItems(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? NoOpenItems : ChatText.Heading("Ваши открытые пункты", lines);

    public static ChatText PlanPage(int year, IReadOnlyList<string> lines, int page, int pages) => ChatText.Heading($"План на {year} год",
        [.. lines, "", page < pages ? $"Страница {page} из {pages}. Дальше: /plan {page + 1}" : $"Страница {page} из {pages}."]);

    public static string PlanLine(string itemLine, IReadOnlyList<string> parties) => $"{itemLine} · {string.Join(", ", parties)}";

    public static ChatText ItemDetails(string number, string title, IReadOnlyList<string> parties, string deadlineText, string when, string result, IReadOnlyList<string> history)
    {
        var lines = new List<TextLine>
        {
            new($"п. {number} {title}", true),
            new($"Ответственные: {string.Join(", ", parties)}"),
            new($"Срок по плану: {(deadlineText.Length == 0 ? "не указан" : deadlineText)}"),
            new($"Сейчас: {when}"),
            new($"Ожидаемый результат: {result}"),
        };
        if (history.Count > 0)
        {
            lines.Add(new(""));
            lines.Add(new("История", true));
            lines.AddRange(history.Select(h => new TextLine(h)));
        }
        return new ChatText(lines);
    }

    public static string HistoryLine(DateTimeOffset localAt, string who, string what, string? comment) =>
        $"{localAt.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)} — {who}: {what}" + (string.IsNullOrWhiteSpace(comment) ? "" : $" ({comment})");

    public const string HistoryDone = "выполнено";
    public const string HistoryClosed = "закрыто";

    public static string HistoryPostponed(DateOnly? to) => $"перенос на {(to is { } d ? DeadlineTexts.Date(d) : "—")}";

    public static string HistoryProtocol(string? fileName) => $"протокол «{fileName}»";

    /// <summary>Where an item stands, as a person reads it.</summary>
    public static string When(bool closed, DateOnly? due, DateOnly today, Deadline deadline)
    {
        if (closed) return "выполнено";
        if (due is not { } d) return DeadlineTexts.Describe(deadline);
        var late = today.DayNumber - d.DayNumber;
        return late > 0
            ? $"просрочено на {late} {DeadlineTexts.Plural(late, "день", "дня", "дней")} (срок был {DeadlineTexts.Date(d)})"
            : $"до {DeadlineTexts.Date(d)}";
    }

    public static string RoleName(Domain.Councils.MemberRole role) => role switch
    {
        Domain.Councils.MemberRole.Secretary => "секретарь",
        Domain.Councils.MemberRole.Chair => "председатель",
        _ => "участник",
    };

    public static ChatText Members(IEnumerable<(string Name, string Role, IReadOnlyList<string> Parties, bool Telegram)> members) =>
        ChatText.Heading("Участники совета", members.Select(m =>
            $"• {m.Name} — {m.Role}" + (m.Parties.Count > 0 ? $" ({string.Join(", ", m.Parties)})" : "") + (m.Telegram ? "" : ", без Telegram")));

    // Secretary's answers

    public static string GroupLinked(string council) => $"Группа подключена к совету «{council}»: повестки заседаний будут приходить сюда.";

    public static string InviteLink(string party, string link, DateTimeOffset expires) =>
        $"Одноразовая ссылка для «{party}», действует до {expires.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}:\n{link}";

    public static string NoSuchParty(string party) => $"В плане нет ответственного «{party}». Посмотрите точные названия в /plan.";

    public static string InvitedByEmail(string party, string address) =>
        $"Участник «{party}» добавлен с адресом {address}: ему отправлено письмо-приветствие, напоминания пойдут по почте.";

    // Addresses

    public static string NotAnAddress(string text) => $"«{text}» — не похоже на адрес электронной почты. Пример: /email ivanova@school5.ru";

    public static string AddressTaken(string address, string memberName) => $"Адрес {address} уже указан у участника «{memberName}» этого совета.";

    public static string EmailCodeSent(string address) =>
        $"Отправил письмо с кодом на {address}. Пришлите код сюда: /email 123456 — он действует сутки.";

    public static string EmailConfirmed(string address) =>
        $"Адрес {address} подтверждён: повестки заседаний и еженедельная сводка будут приходить и на почту. Напоминания — по-прежнему здесь.";

    public static string EmailWrongCode(int attemptsLeft) =>
        attemptsLeft > 0 ? $"Код не подошёл. Осталось попыток: {attemptsLeft}." : "Код не подошёл, попытки кончились. Начните заново: /email <адрес>.";

    public const string EmailNothingPending = "Нет адреса, который ждёт подтверждения: сначала /email <адрес>, затем код из письма.";

    public static string MeetingScheduled(DateOnly day, TimeOnly start, string place, int daysBefore) =>
        $"📅 Заседание назначено: {DeadlineTexts.Date(day)} в {start.ToString("HH:mm", CultureInfo.InvariantCulture)}, {place}. Повестка из плана уйдёт участникам за {daysBefore} дн.; поправить её: nokobot meeting agenda.";

    // Member settings

    public static ChatText Settings(TimeOnly councilTime, TimeOnly? ownTime, bool weeklyOnly, DayOfWeek weeklyDay) => ChatText.Heading("Ваши настройки",
    [
        $"Время напоминаний: {(ownTime ?? councilTime).ToString("HH:mm", CultureInfo.InvariantCulture)}" + (ownTime is null ? " (как у совета)" : ""),
        weeklyOnly
            ? $"Получаете: только еженедельную сводку ({DayName(weeklyDay)})"
            : $"Получаете: напоминания о сроках (всё за день — одним сообщением) и сводку по {DayName(weeklyDay, dative: true)}",
        "",
        "Изменить: /settings 9:00 — своё время; /settings сводка — только раз в неделю; /settings ежедневно — обычные напоминания; /settings сброс — как у совета.",
    ]);

    public const string ButtonWeeklyOnly = "Только сводка раз в неделю";
    public const string ButtonDaily = "Обычные напоминания";

    public static string SettingsSaved(TimeOnly time, bool weeklyOnly) =>
        $"Сохранено: напоминания в {time.ToString("HH:mm", CultureInfo.InvariantCulture)}" + (weeklyOnly ? ", только еженедельная сводка." : ".");

    private static string DayName(DayOfWeek day, bool dative = false) => day switch
    {
        DayOfWeek.Monday => dative ? "понедельникам" : "по понедельникам",
        DayOfWeek.Tuesday => dative ? "вторникам" : "по вторникам",
        DayOfWeek.Wednesday => dative ? "средам" : "по средам",
        DayOfWeek.Thursday => dative ? "четвергам" : "по четвергам",
        DayOfWeek.Friday => dative ? "пятницам" : "по пятницам",
        DayOfWeek.Saturday => dative ? "субботам" : "по субботам",
        _ => dative ? "воскресеньям" : "по воскресеньям",
    };

    // Meetings

    public static ChatText Meeting(MeetingNoticeKind kind, Meeting m, string council, IReadOnlyList<(string Number, string Title)> closed)
    {
        ArgumentNullException.ThrowIfNull(m);
        var when = $"{m.LocalStart.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} в {m.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture)}";
        return kind switch
        {
            MeetingNoticeKind.Cancelled => $"❌ Заседание совета «{council}» {when} отменено.",
            MeetingNoticeKind.ProtocolAttached =>
                $"📎 Приложен протокол заседания {m.LocalStart.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}. Закрыты ваши пункты: {string.Join("; ", closed.Select(c => $"{c.Number} «{Shorten(c.Title)}»"))}.",
            MeetingNoticeKind.Morning => $"⏰ Сегодня в {m.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture)} заседание совета «{council}»: {m.Place}.",
            _ => ChatText.FromLines(
            [
                new TextLine($"{(m.Sequence > 0 ? "📅 Заседание перенесено" : "📅 Заседание совета")} «{council}»: {when}, {m.Place}."),
                new TextLine("Повестка", true),
                .. m.Agenda.Select((l, i) => new TextLine($"{i + 1}. " + (l.ItemNumber is null ? l.Text : $"п. {l.ItemNumber} «{Shorten(l.Text)}»"))),
            ]),
        };
    }

    /// <summary>The secretary's notice that a member cannot be reached somewhere any more.</summary>
    public static ChatText MemberNotice(
        Domain.Councils.ContactProblem problem, string memberName, string? address, string? detail, bool byTelegram, bool byEmail, string council) =>
        ChatText.Heading(NoticeTexts.Subject(problem, memberName), NoticeTexts.Lines(problem, memberName, address, detail, byTelegram, byEmail, council));

    public static string Shorten(string title) => Titles.Shorten(title);
}
