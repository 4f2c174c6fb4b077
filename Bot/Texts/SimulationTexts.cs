namespace NokoBot.Texts;

/// <summary>What <c>nokobot simulate</c> writes for people: its transcript, progress, tables and warnings.</summary>
public static class SimulationTexts
{
    public const string CommitteeName = "Комитет (рассылка дайджеста)";
    public const string SecretaryName = "Секретарь совета";
    public const string ChairName = "Председатель совета";
    public const string DefaultCouncilName = "Общественный совет (симуляция)";

    public static string TranscriptHeader(string localTime, string name, long? chat) => $"── {localTime} → {name} (Telegram, чат {chat})";

    /// <summary>The buttons under a reminder, as the transcript shows them.</summary>
    public static string Buttons(string number, bool perItem) =>
        perItem ? $"[✅ п. {number}] [+7 дней] [Другая дата] [Протокол]" : "[Готово] [+7 дней] [Другая дата] [Протокол]";

    public static string Progress(DateTimeOffset month, int messages) => $"Симуляция: {month:yyyy-MM}, отправлено сообщений: {messages}";

    public static string Finished(int messages, DateOnly from, DateOnly to) =>
        $"Симуляция завершена: {messages} сообщений с {from:dd.MM.yyyy} по {to:dd.MM.yyyy}.";

    public static string ScriptRefused(int line, string reason) => $"Сценарий ответов, строка {line}: {reason}";

    public static string NoItem(int line, string number) => $"Сценарий ответов, строка {line}: в плане нет пункта {number}.";

    public const string ToLessThanFrom = "Дата --to раньше даты --from.";

    public static string ScriptNotFound(string path) => $"Файл сценария не найден: {path}";

    // The replies script (--replies): what is wrong with a line

    public static string ScriptError(int line, string what) => $"Сценарий ответов, строка {line}: {what}.";

    public const string ScriptExpectsLine = "ожидается «ГГГГ-ММ-ДД [ЧЧ:ММ] действие …»";
    public const string ScriptExpectsDone = "ожидается «done <пункт> [\"сторона\"]»";
    public const string ScriptExpectsPostpone = "ожидается «postpone <пункт> <ГГГГ-ММ-ДД> [причина]»";
    public const string ScriptExpectsSetDue = "ожидается «setdue <пункт> <ГГГГ-ММ-ДД>»";
    public const string ScriptExpectsEvent = "ожидается «event <название события>»";
    public const string ScriptExpectsMeeting = "ожидается «meeting <ЧЧ:ММ> \"место\"»";

    public static string ScriptBadDate(string text) => $"неверная дата «{text}»";

    public static string ScriptBadTime(string text) => $"неверное время «{text}»";

    public static string ScriptUnknownAction(string verb, IEnumerable<string> known) => $"неизвестное действие «{verb}» (есть {string.Join(", ", known)})";

    // Tables
    public const string MonthColumn = "Месяц";
    public const string RemindersColumn = "Напоминания";
    public const string EscalationsColumn = "Эскалации";
    public const string DigestsColumn = "Дайджесты";
    public const string AgendasColumn = "Повестки";
    public const string MessagesColumn = "Сообщения";
    public const string ItemColumn = "Пункт";
    public const string WhenRemindedColumn = "Когда напоминали (дата: вид)";

    public static string Total(int messages, int entries, string transcript, string mail) =>
        $"Всего сообщений: {messages} (упоминаний пунктов: {entries}). Переписка в Telegram: {transcript}; письма: {mail}.";

    public static string KeepDbExists(string path) => $"Файл {path} уже существует: укажите для --keep-db новый файл.";
}
