using NokoBot.Domain.Reminders;
using NokoBot.Texts;
using static Telegram.Bot.Extensions.HtmlText;

namespace NokoBot.Telegram;

/// <summary>
/// Everything the bot says, in Russian, as Telegram HTML. Every value that came from a plan or a person goes
/// through <c>Escape</c> here and nowhere else, so a title with «&lt;b&gt;» shows literally.
/// </summary>
public static class TelegramTexts
{
    public const string Stranger =
        "Здравствуйте! Этот бот работает только для участников общественного совета. Попросите у секретаря совета ссылку-приглашение.";

    public const string InviteInvalid =
        "Ссылка-приглашение недействительна: она уже использована или срок её действия истёк. Попросите у секретаря новую.";

    public const string AdminOnly = "Эта команда доступна только секретарю и председателю совета.";

    public const string NoPlan = "У совета пока нет загруженного плана.";

    public const string NotACommand = "Я понимаю команды. Список — /help.";

    public static string Reminder(ReminderNotice notice) =>
        $"<b>{Escape(ReminderTexts.Headline(notice))}</b>\n" + string.Join("\n", ReminderTexts.Details(notice).Select(Escape));

    public static string Help(bool admin)
    {
        var lines = new List<string>
        {
            "<b>Команды</b>",
            "/my — мои открытые пункты, ближайшие сроки сначала",
            "/plan — весь план совета (по страницам: /plan 2)",
            "/item N — пункт и его история",
            "/done N [комментарий] — отметить выполнение",
            "/postpone N дата [причина] — перенести срок (дата: 15.07, 15.07.2020, 15 июля или +7)",
            "/protocol N — подписью к файлу протокола",
        };
        if (admin)
        {
            lines.Add("");
            lines.Add("<b>Для секретаря и председателя</b>");
            lines.Add("/invite ответственный — ссылка-приглашение");
            lines.Add("/event событие дата — отметить событие (сроки «после …» получат даты)");
            lines.Add("/setdue N дата — назначить срок пункту без даты");
            lines.Add("/members — участники и их ответственность");
            lines.Add("/meeting дата ЧЧ:ММ место — назначить заседание");
            lines.Add("/linkgroup — (в группе совета) присылать туда повестки");
        }
        return string.Join("\n", lines);
    }

    public static string Unknown(string name) => $"Не знаю команды /{Escape(name)}. Список команд — /help.";

    public static string Usage(string usage) => $"Использование: {Escape(usage)}";

    public static string NoItem(string number) => $"В плане нет пункта {Escape(number)}. Весь план — /plan.";

    public static string NotYours(string number, IEnumerable<string> parties) =>
        $"Пункт {Escape(number)} закреплён за: {Escape(string.Join(", ", parties))}. Отметить его могут они, секретарь или председатель.";

    public static string AlreadyClosed(string number) => $"Пункт {Escape(number)} уже выполнен.";

    public static string Greeting(string name, string council, string? party, IReadOnlyList<string> openItems) =>
        $"Здравствуйте, {Escape(name)}! Вы подключены к совету «{Escape(council)}»"
        + (party is null ? "." : $" как ответственный «{Escape(party)}».")
        + "\n\n" + (openItems.Count == 0 ? "Открытых пунктов у вас сейчас нет." : "<b>Ваши открытые пункты</b>\n" + string.Join("\n", openItems))
        + "\n\nЯ напомню о сроках заранее. Команды — /help.";

    public static string ItemLine(string number, string title, string when) =>
        $"п. {Escape(number)} «{Escape(Shorten(title))}» — {Escape(when)}";

    public static string Done(string number, string title, IReadOnlyList<string> parties, bool closed) =>
        $"✅ Отмечено: п. {Escape(number)} «{Escape(Shorten(title))}» выполнен"
        + (parties.Count > 0 ? $" за «{Escape(string.Join("», «", parties))}»" : "")
        + (closed ? ". Пункт закрыт." : ". Ждём отметки остальных ответственных.");

    public static string Postponed(string number, string title, DateOnly date, string? reason) =>
        $"🗓 Срок п. {Escape(number)} «{Escape(Shorten(title))}» перенесён на {DeadlineTexts.Date(date)}."
        + (reason is null ? "" : $" Причина: {Escape(reason)}.");

    public static string PastDate(DateOnly date) => $"Дата {DeadlineTexts.Date(date)} уже прошла: укажите сегодняшнюю или будущую дату.";

    public static string PastPlanYear(int year) =>
        $"Перенести срок за пределы {year} года может только председатель совета.";

    public static string AskDate(string number) =>
        $"Напишите новую дату для п. {Escape(number)}: например 15.07, 15 июля или +7.";

    public static string BadDate(string text) =>
        $"Не понял дату «{Escape(text)}». Напишите её так: 15.07, 15.07.2020, 15 июля или +7.";

    public static string SendProtocol(string number) =>
        $"Пришлите файл протокола с подписью /protocol {Escape(number)}.";

    public static string ProtocolTooBig(long maxBytes) => $"Файл слишком большой: можно до {maxBytes / 1024 / 1024} МБ.";

    public static string ProtocolType(string fileName) =>
        $"Файл «{Escape(fileName)}» не подходит: пришлите протокол в PDF, Word (DOC, DOCX, ODT, RTF), TXT или как изображение (JPG, PNG, TIFF).";

    public static string ProtocolStored(string number, string title, string fileName, bool closed) =>
        $"📎 Протокол «{Escape(fileName)}» сохранён для п. {Escape(number)} «{Escape(Shorten(title))}»."
        + (closed ? " Пункт закрыт." : "");

    public static string MeetingProtocolStored(DateTime meeting, string fileName, IReadOnlyList<string> closed, IReadOnlyList<(string Number, DateOnly Due)> dated) =>
        $"📎 Протокол «{Escape(fileName)}» заседания {meeting:dd.MM.yyyy} сохранён."
        + (closed.Count > 0 ? $" Закрыты пункты: {Escape(string.Join(", ", closed))}." : "")
        + string.Concat(dated.Select(d => $" П. {Escape(d.Number)} получил срок: до {DeadlineTexts.Date(d.Due)}."));

    public static string GroupLinked(string council) =>
        $"Группа подключена к совету «{Escape(council)}»: повестки заседаний будут приходить сюда.";

    public static string InviteLink(string party, string link, DateTimeOffset expires) =>
        $"Одноразовая ссылка для «{Escape(party)}», действует до {expires:dd.MM.yyyy}:\n{Escape(link)}";

    public static string NoSuchParty(string party) =>
        $"В плане нет ответственного «{Escape(party)}». Посмотрите точные названия в /plan.";

    public static string EventRecorded(string name, DateOnly on) =>
        $"Событие «{Escape(name)}» отмечено датой {DeadlineTexts.Date(on)}. Сроки, которые от него зависят, пересчитаны.";

    public static string MeetingScheduled(DateOnly day, TimeOnly start, string place, int daysBefore) =>
        $"📅 Заседание назначено: {DeadlineTexts.Date(day)} в {start:HH:mm}, {Escape(place)}. Повестка из плана уйдёт участникам за {daysBefore} дн.; поправить её: nokobot meeting agenda.";

    public static string DueSet(string number, DateOnly due) => $"Срок п. {Escape(number)} назначен: до {DeadlineTexts.Date(due)}.";

    public static string Members(IEnumerable<(string Name, string Role, IReadOnlyList<string> Parties, bool Telegram)> members) =>
        "<b>Участники совета</b>\n" + string.Join("\n", members.Select(m =>
            $"• {Escape(m.Name)} — {Escape(m.Role)}" + (m.Parties.Count > 0 ? $" ({Escape(string.Join(", ", m.Parties))})" : "") + (m.Telegram ? "" : ", без Telegram")));

    public static string Meeting(Meetings.MeetingNotice notice)
    {
        var m = notice.Meeting;
        var when = $"{m.LocalStart:dd.MM.yyyy} в {m.LocalStart:HH:mm}";
        if (notice.Kind == Meetings.MeetingNoticeKind.Cancelled)
            return $"❌ Заседание совета «{Escape(notice.CouncilName)}» {when} отменено.";
        if (notice.Kind == Meetings.MeetingNoticeKind.ProtocolAttached)
            return $"📎 Приложен протокол заседания {m.LocalStart:dd.MM.yyyy}. Закрыты ваши пункты: {Escape(string.Join("; ", notice.ClosedItems ?? []))}.";
        if (notice.Kind == Meetings.MeetingNoticeKind.Morning)
            return $"⏰ Сегодня в {m.LocalStart:HH:mm} заседание совета «{Escape(notice.CouncilName)}»: {Escape(m.Place)}.";
        var head = m.Sequence > 0 ? "📅 <b>Заседание перенесено</b>" : "📅 <b>Заседание совета</b>";
        var lines = m.Agenda.Select((l, i) => $"{i + 1}. " + (l.ItemNumber is null ? Escape(l.Text) : $"п. {Escape(l.ItemNumber)} «{Escape(Shorten(l.Text))}»"));
        return $"{head} «{Escape(notice.CouncilName)}»: {when}, {Escape(m.Place)}.\n<b>Повестка</b>\n" + string.Join("\n", lines);
    }

    public static string Shorten(string title) => title.Length <= 70 ? title : title[..69].TrimEnd() + "…";

    public static string Html(string text) => Escape(text);
}
