using System.Globalization;
using NokoBot.Domain.Meetings;

namespace NokoBot.Texts;

/// <summary>What <c>nokobot meeting add|list|agenda|move|cancel|protocol</c> says.</summary>
public static class MeetingCliTexts
{
    public const string PlaceRequired = "Укажите место заседания: --place \"…\".";

    public static string Scheduled(long id) => $"Заседание №{id} назначено.";

    public const string NoneYet = "Заседаний пока нет. Назначьте: nokobot meeting add --council … --at \"2020-06-15 15:00\" --place \"…\"";

    public static string NoMeeting(long id) => $"Заседания №{id} у этого совета нет (см. nokobot meeting list).";

    // The list
    public const string NumberColumn = "№";
    public const string WhenColumn = "Когда";
    public const string WhereColumn = "Где";
    public const string StateColumn = "Состояние";
    public const string StateCancelled = "отменено";
    public const string StateScheduled = "назначено";

    public static string StateProtocol(string fileName) => $"протокол «{fileName}»";

    // Changes
    public const string AlreadyCancelled = "Заседание отменено: назначьте новое.";

    public static string Moved(long id, DateTime localStart) => $"Заседание №{id} перенесено на {When(localStart)}.";

    public static string Cancelled(long id) => $"Заседание №{id} отменено.";

    // The protocol
    public static string FileNotFound(string path) => $"Файл не найден: {path}";

    public static string ProtocolTooBig(long maxBytes) => $"Файл протокола больше {maxBytes / 1024 / 1024} МБ.";

    public static string ProtocolStored(long id, string sha256) => $"Протокол заседания №{id} сохранён (sha256 {sha256}).";

    public const string NoOpenAgendaItems = "В повестке не было открытых пунктов плана.";

    public static string RecordedOn(IEnumerable<string> numbers) => $"Записан в пункты: {string.Join(", ", numbers)}.";

    public static string Closed(IEnumerable<string> numbers) => $"Закрыты пункты: {string.Join(", ", numbers)}.";

    // The agenda
    public static string AgendaHeading(long id, DateTime localStart, string place) => $"Повестка заседания №{id}, {When(localStart)}, {place}:";

    public const string AgendaTopicColumn = "Пункт плана / тема";
    public const string AgendaWhyColumn = "Почему в повестке";

    public static string AgendaItem(string number, string title) => $"п. {number}. {title}";

    /// <summary>Why a line is on the agenda; a line without a reason is the secretary's own topic.</summary>
    public static string Why(AgendaReason? reason) => reason switch
    {
        AgendaReason.DueAround => "срок в пределах двух недель",
        AgendaReason.AwaitsProtocol => "результат — протокол заседания",
        AgendaReason.Overdue => "просрочен",
        AgendaReason.DatedByMeeting => "срок зависит от решения заседания",
        AgendaReason.AddedBySecretary => "добавлен секретарём",
        _ => "тема секретаря",
    };

    public static string When(DateTime localStart) => localStart.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
