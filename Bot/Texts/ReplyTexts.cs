using System.Globalization;
using NokoBot.Domain.Replies;

namespace NokoBot.Texts;

/// <summary>What a person is told after a reply: what was recorded, or why not (the same words on every channel).</summary>
public static class ReplyTexts
{
    public static string Refusal(ReplyRefusal refusal) => refusal switch
    {
        ReplyRefusal.NoSuchItem n when n.Number.Length == 0 => "Такого заседания у совета нет.",
        ReplyRefusal.NoSuchItem n => $"В плане нет пункта {n.Number}. Весь план — /plan.",
        ReplyRefusal.NotYours n => $"Пункт {n.Number} закреплён за: {string.Join(", ", n.Parties)}. Отметить его могут они, секретарь или председатель.",
        ReplyRefusal.AlreadyClosed n => $"Пункт {n.Number} уже выполнен.",
        ReplyRefusal.PastDate p => $"Дата {DeadlineTexts.Date(p.Date)} уже прошла: укажите сегодняшнюю или будущую дату.",
        ReplyRefusal.PastPlanYear p => $"Перенести срок за пределы {p.Year} года может только председатель совета.",
        ReplyRefusal.SecretaryOnly => ChatTexts.AdminOnly,
        ReplyRefusal.FileTooLarge f => ChatTexts.ProtocolTooBig(f.MaxBytes),
        _ => "Не получилось.",
    };

    public static string Done(string number, string title, IReadOnlyList<string> parties, bool closed) =>
        $"✅ Отмечено: п. {number} «{Titles.Shorten(title)}» выполнен"
        + (parties.Count > 0 ? $" за «{string.Join("», «", parties)}»" : "")
        + (closed ? ". Пункт закрыт." : ". Ждём отметки остальных ответственных.");

    public static string Postponed(string number, string title, DateOnly date, string? reason) =>
        $"🗓 Срок п. {number} «{Titles.Shorten(title)}» перенесён на {DeadlineTexts.Date(date)}." + (reason is null ? "" : $" Причина: {reason}.");

    public static string DueSet(string number, DateOnly due) => $"Срок п. {number} назначен: до {DeadlineTexts.Date(due)}.";

    public static string EventRecorded(string name, DateOnly on) =>
        $"Событие «{name}» отмечено датой {DeadlineTexts.Date(on)}. Сроки, которые от него зависят, пересчитаны.";

    public static string ProtocolStored(string number, string title, string fileName, bool closed) =>
        $"📎 Протокол «{fileName}» сохранён для п. {number} «{Titles.Shorten(title)}»." + (closed ? " Пункт закрыт." : "");

    public static string MeetingProtocolStored(DateTime meeting, string fileName, IReadOnlyList<string> closed, IReadOnlyList<(string Number, DateOnly Due)> dated) =>
        $"📎 Протокол «{fileName}» заседания {meeting.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} сохранён."
        + (closed.Count > 0 ? $" Закрыты пункты: {string.Join(", ", closed)}." : "")
        + string.Concat(dated.Select(d => " " + ItemDated(d.Number, d.Due)));

    /// <summary>An item whose deadline hung on the meeting's decision, now dated by its protocol.</summary>
    public static string ItemDated(string number, DateOnly due) => $"П. {number} получил срок: до {DeadlineTexts.Date(due)}.";

    /// <summary>The comment a meeting's protocol leaves on each agenda item.</summary>
    public static string MeetingProtocolComment(DateTime meeting) => $"протокол заседания {meeting.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The comment of a reply made by the simulator's script.</summary>
    public const string ScriptComment = "сценарий";
}
