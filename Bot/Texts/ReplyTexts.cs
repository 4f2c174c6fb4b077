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
        ReplyRefusal.OccurrenceDone n => $"Пункт {n.Number}: выполнение за этот срок уже отмечено."
            + (n.Next is { } next ? $" Следующий срок — до {DeadlineTexts.Date(next)}." : ""),
        ReplyRefusal.PastDate p => $"Дата {DeadlineTexts.Date(p.Date)} уже прошла: укажите сегодняшнюю или будущую дату.",
        ReplyRefusal.PastPlanYear p => $"Перенести срок за пределы {p.Year} года может только председатель совета.",
        ReplyRefusal.SecretaryOnly => ChatTexts.AdminOnly,
        ReplyRefusal.FileTooLarge f => ChatTexts.ProtocolTooBig(f.MaxBytes),
        _ => "Не получилось.",
    };

    private static string Done(string number, string title, IReadOnlyList<string> parties, bool closed) =>
        $"✅ Отмечено: п. {number} «{Titles.Shorten(title)}» выполнен"
        + (parties.Count > 0 ? $" за «{string.Join("», «", parties)}»" : "")
        + (closed ? ". Пункт закрыт." : ". Ждём отметки остальных ответственных.");

    /// <summary>A «done» as accepted: for an item due several times, which occurrence it closed and when the next is due.</summary>
    public static string Done(string number, string title, ReplyDecision.Accepted accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Occurrence is not { } occurrence) return Done(number, title, accepted.Parties, accepted.ClosesItem);
        return $"✅ Отмечено: п. {number} «{Titles.Shorten(title)}» выполнен за срок до {DeadlineTexts.Date(occurrence.Due)}"
            + (accepted.Parties.Count > 0 ? $" за «{string.Join("», «", accepted.Parties)}»" : "")
            + (!accepted.ClosesOccurrence ? ". Ждём отметки остальных ответственных."
                : occurrence.Next is { } next ? $". Следующий срок — до {DeadlineTexts.Date(next)}."
                : ". Пункт закрыт.");
    }

    public static string Postponed(string number, string title, DateOnly date, string? reason) =>
        $"🗓 Срок п. {number} «{Titles.Shorten(title)}» перенесён на {DeadlineTexts.Date(date)}." + (reason is null ? "" : $" Причина: {reason}.");

    public static string DueSet(string number, DateOnly due) => $"Срок п. {number} назначен: до {DeadlineTexts.Date(due)}.";

    public static string EventRecorded(string name, DateOnly on) =>
        $"Событие «{name}» отмечено датой {DeadlineTexts.Date(on)}. Сроки, которые от него зависят, пересчитаны.";

    private static string ProtocolStored(string number, string title, string fileName, bool closed) =>
        $"📎 Протокол «{fileName}» сохранён для п. {number} «{Titles.Shorten(title)}»." + (closed ? " Пункт закрыт." : "");

    /// <summary>A protocol as accepted: for an item due several times, the occurrence it closed and when the next is due.</summary>
    public static string ProtocolStored(string number, string title, string fileName, ReplyDecision.Accepted accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (accepted.Occurrence is not { } occurrence || !accepted.ClosesOccurrence) return ProtocolStored(number, title, fileName, accepted.ClosesItem);
        return $"📎 Протокол «{fileName}» сохранён для п. {number} «{Titles.Shorten(title)}»: срок до {DeadlineTexts.Date(occurrence.Due)} выполнен."
            + (occurrence.Next is { } next ? $" Следующий срок — до {DeadlineTexts.Date(next)}." : " Пункт закрыт.");
    }

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
