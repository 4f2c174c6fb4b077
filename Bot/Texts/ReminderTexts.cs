using NokoBot.Domain.Reminders;

namespace NokoBot.Texts;

/// <summary>
/// The words of a reminder (Russian), the same on every channel: a headline that makes sense on a lock screen
/// (item number, title, date) and the details under it. Channels add their own markup and buttons.
/// </summary>
public static class ReminderTexts
{
    public static string Headline(ReminderNotice n) => n.Kind switch
    {
        ReminderKind.Before => $"Напоминание: п. {n.ItemNumber} «{Short(n.Title)}» — срок до {Date(n)}",
        ReminderKind.Due => $"Сегодня срок: п. {n.ItemNumber} «{Short(n.Title)}» — до {Date(n)}",
        ReminderKind.Overdue => $"Просрочено на {Days(n.DaysOverdue)}: п. {n.ItemNumber} «{Short(n.Title)}» — срок был до {Date(n)}",
        ReminderKind.Escalation => $"Требует внимания председателя: п. {n.ItemNumber} «{Short(n.Title)}» просрочен на {Days(n.DaysOverdue)} (срок до {Date(n)})",
        ReminderKind.Checkin => $"Как идёт работа: п. {n.ItemNumber} «{Short(n.Title)}» ({n.DeadlineText})",
        ReminderKind.AskDate => $"Нужна дата: п. {n.ItemNumber} «{Short(n.Title)}» — срок в плане не указан",
        _ => $"п. {n.ItemNumber} «{Short(n.Title)}»",
    };

    /// <summary>The lines under the headline: full title, parties, the plan's deadline words, the planned result, what to do.</summary>
    /// <param name="answerHint">Whether to end with how to answer (a message about several items says it once, at its end).</param>
    public static IReadOnlyList<string> Details(ReminderNotice n, bool answerHint = true)
    {
        var lines = new List<string>();
        if (Titles.IsShortened(n.Title)) lines.Add($"Мероприятие: {n.Title}");
        if (n.Parties.Count > 0) lines.Add($"Ответственные: {string.Join(", ", n.Parties)}");
        lines.Add($"Срок по плану: {(string.IsNullOrWhiteSpace(n.DeadlineText) ? "не указан" : n.DeadlineText)}");
        if (!string.IsNullOrWhiteSpace(n.Result)) lines.Add($"Ожидаемый результат: {n.Result}");
        lines.Add(n.Kind switch
        {
            ReminderKind.AskDate => $"Назначьте срок: {CommandTable.SetDue.For(n.ItemNumber)}",
            ReminderKind.Escalation => $"Ход работы: {CommandTable.Item.For(n.ItemNumber)}",
            _ when answerHint => $"Ответьте: {CommandTable.Done.Offer(n.ItemNumber)}; {CommandTable.Postpone.Offer(n.ItemNumber)}",
            _ => "",
        });
        return [.. lines.Where(l => l.Length > 0)];
    }

    /// <summary>How to answer a message about several items, said once at its end.</summary>
    public static string BundleAnswerHint =>
        $"Ответьте кнопками под пунктами или командами: {CommandTable.Done.Offer("N")}; {CommandTable.Postpone.Offer("N")}.";

    public const string LateNote = "(Напоминание отправлено с опозданием: сервис был недоступен.)";

    public static string PlainText(ReminderNotice n) => Headline(n) + "\n" + string.Join("\n", Details(n)) + (n.Late ? "\n" + LateNote : "");

    /// <summary>
    /// The first line of a message about several items, readable on a lock screen: each item's number and where it
    /// stands («п. 1 — просрочено на 5 дней, п. 4 — сегодня срок»). One item: its own headline.
    /// </summary>
    public static string BundleHeadline(IReadOnlyList<ReminderNotice> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 1) return Headline(items[0]);
        var distinct = items.Select(n => n.ItemId).Distinct().Count();
        var count = $"{distinct} {DeadlineTexts.Plural(distinct, "пункт", "пункта", "пунктов")}";
        return $"План совета, {count}: " + string.Join(", ", items.Select(n => $"п. {n.ItemNumber} — {Status(n)}"));
    }

    /// <summary>Where an item stands, in a few words.</summary>
    public static string Status(ReminderNotice n) => n.Kind switch
    {
        ReminderKind.Before => $"срок до {Date(n)}",
        ReminderKind.Due => "сегодня срок",
        ReminderKind.Overdue or ReminderKind.Escalation => $"просрочено на {Days(n.DaysOverdue)}",
        ReminderKind.Checkin => "как идёт работа?",
        ReminderKind.AskDate => "нужна дата",
        _ => Date(n),
    };


    private static string Date(ReminderNotice n) => n.Due is { } due ? DeadlineTexts.Date(due) : "—";

    private static string Days(int days) => $"{days} {DeadlineTexts.Plural(days, "день", "дня", "дней")}";

    private static string Short(string title) => Titles.Shorten(title);
}
