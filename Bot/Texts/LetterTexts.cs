using System.Globalization;
using NokoBot.Domain.Replies;

namespace NokoBot.Texts;

/// <summary>
/// The email channel's own letters and what they say about answering by email: the welcome, the address's code, the
/// answer to a member's letter. Plain text; the HTML renderer escapes.
/// </summary>
public static class LetterTexts
{
    // Answering by email

    public const string HowToAnswerLead = "Ответьте на это письмо — одной строкой в начале письма или в теме:";

    /// <summary>The answers to a letter about one item (no number needed), or, with «N», about several.</summary>
    public static IReadOnlyList<(string Command, string Meaning)> Answers(string? number)
    {
        var n = number is null ? "" : number + " ";
        return
        [
            ($"Готово {n}[комментарий]", "отметить выполнение"),
            ($"Перенос {n}15.07 причина", "перенести срок (дата: 15.07, 15.07.2020, 15 июля или +7)"),
            ($"Протокол {n}".TrimEnd(), "прикрепить протокол: приложите файл к письму"),
        ];
    }

    public const string HowToStop = "Если письма вам не нужны, ответьте «Отписаться» или сообщите секретарю совета.";

    // The welcome

    public static string WelcomeSubject(string councilName) => $"Напоминания по плану НОКО — {councilName}";

    public static string WelcomeLead(string name, string councilName, IReadOnlyList<string> parties) =>
        $"{name}, ваш адрес добавлен в совет «{councilName}»"
        + (parties.Count == 0 ? "." : $" как ответственного: {string.Join(", ", parties.Select(p => $"«{p}»"))}.");

    public const string WelcomeWhat =
        "Бот будет присылать сюда напоминания о сроках пунктов плана, за которые вы отвечаете (всё, что накопилось к одному дню, — одним письмом), и повестки заседаний с приглашением для календаря.";

    public const string WelcomeOpenTitle = "Ваши открытые пункты";

    public static string OpenItem(string number, string title, DateOnly? due) =>
        $"п. {number} «{title}»" + (due is { } d ? $" — срок до {DeadlineTexts.Date(d)}" : " — без срока");

    public const string WelcomeNothingOpen = "Открытых пунктов у вас сейчас нет.";

    public static string WelcomeFooter(string councilName) => $"Вы получили это письмо, потому что секретарь совета «{councilName}» указал ваш адрес.";

    // The code that confirms an address

    public static string CodeSubject(string councilName) => $"Код подтверждения адреса — {councilName}";

    public static string CodeLead(string memberName, string councilName) =>
        $"{memberName} указал(а) этот адрес в Telegram-боте совета «{councilName}», чтобы получать повестки и сводку и по почте.";

    public static string CodeLine(string code) => $"Код подтверждения: {code}";

    public static string CodeHow(string code, DateTimeOffset validUntilLocal) =>
        $"Отправьте боту в Telegram: /email {code} — код действует до {validUntilLocal.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}.";

    public const string CodeNotYou = "Если вы не указывали этот адрес, просто не отвечайте: без кода он не будет подключён.";

    // The answer to a member's letter

    public static string AnswerSubject(bool recorded, IReadOnlyList<string> items) =>
        (recorded ? "Записано" : "Не записано") + (items.Count == 0 ? ": ваше письмо" : $": п. {string.Join(", ", items)}");

    public const string NoCommand =
        "В письме не нашлось команды. Ответьте на письмо-напоминание одной строкой: «Готово», «Перенос 15.07 причина» или «Протокол» с файлом во вложении.";

    public static string WhichItem(IReadOnlyList<string> numbers) =>
        $"В письме, на которое вы ответили, несколько пунктов ({string.Join(", ", numbers)}): укажите номер, например «Готово {numbers[0]}».";

    public const string NeedNumber = "Укажите номер пункта, например «Готово 4», или ответьте на письмо-напоминание о нём.";

    public const string PostponeWithoutDate =
        "Не понял дату переноса. Напишите так: «Перенос 4 15.07 причина» (дата: 15.07, 15.07.2020, 15 июля или +7).";

    public const string AttachProtocol = "Приложите к письму файл протокола.";

    public const string WhichCouncil = "Ваш адрес указан в нескольких советах: ответьте на письмо-напоминание, чтобы было ясно, о каком совете речь.";

    /// <summary>A refusal as a letter says it: the chat's words, without pointing at chat commands.</summary>
    public static string Refusal(ReplyRefusal refusal) => refusal switch
    {
        ReplyRefusal.NoSuchItem n when n.Number.Length > 0 => $"В плане нет пункта {n.Number}.",
        _ => ReplyTexts.Refusal(refusal),
    };

    public const string Unsubscribed = "Писем на этот адрес больше не будет. Чтобы снова их получать, сообщите секретарю совета.";

    public static string AnswerFooter(string councilName) => $"Это ответ на ваше письмо боту совета «{councilName}».";
}
