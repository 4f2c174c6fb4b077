using System.Globalization;
using NokoBot.Domain.Plans;

namespace NokoBot.Texts;

/// <summary>What the secretary's desk says in chat: a plan's preview, its buttons, the outcome of a press, refusals.</summary>
public static class DeskTexts
{
    public const string ButtonImport = "Импортировать";
    public const string ButtonCancel = "Отмена";

    public static string ButtonKeep(string number, bool kept) => kept ? $"☑ п. {number}" : $"☐ п. {number}";

    public static ChatText Preview(PlanPreview preview, DateTimeOffset localExpiry)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var lines = new List<TextLine>
        {
            new(preview.Source == PreviewSource.Upload
                ? $"Предпросмотр плана на {preview.Year} год (файл «{preview.FileName}»)"
                : $"Черновик плана на {preview.Year} год по плану {preview.Year - 1} года", true),
        };
        if (preview.Diff is { } diff) lines.AddRange(Difference(preview.Year, diff, preview.RepliesKept));
        else lines.AddRange(ItemLines(preview));
        lines.Add(new(""));
        // How the table was read, so a misread column is caught before anything is written.
        if (preview.Layout is { } layout) lines.AddRange(PlanLayoutTexts.Summary(layout).Select(l => new TextLine(l)));
        if (preview.NeedDate.Count > 0) lines.Add(new($"Нужна дата: п. {string.Join(", ", preview.NeedDate)} (после импорта: /setdue N дата)."));
        if (preview.Waiting.Count > 0) lines.Add(new($"Ждут события: п. {string.Join(", ", preview.Waiting)} (когда оно случится: /event событие дата)."));
        if (preview.Unlinked.Count > 0) lines.Add(new($"Ответственные без участников: {string.Join("; ", preview.Unlinked)} (пригласите: /invite ответственный)."));
        lines.AddRange(preview.Warnings.Select(w => new TextLine("⚠ " + w)));
        if (preview.ReplacesYear is { } old) lines.Add(new($"После импорта напоминания по плану {old} года прекратятся."));
        lines.Add(new($"Пока ничего не сохранено. Импортировать можно кнопкой ниже до {localExpiry.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}."));
        if (preview.Source == PreviewSource.Upload)
            lines.Add(new("Если это протокол, а не план, нажмите «Отмена» и пришлите файл с подписью /protocol N (или ответом на напоминание о пункте)."));
        return new ChatText(lines);
    }

    private static IEnumerable<TextLine> ItemLines(PlanPreview preview)
    {
        var carried = preview.Items.Where(i => !i.Optional).ToList();
        var optional = preview.Items.Where(i => i.Optional).ToList();
        if (preview.Source == PreviewSource.Rollover) yield return new($"Переносятся ({carried.Count}): повторяющиеся и постоянные пункты, сроки — на {preview.Year} год.", true);
        else yield return new($"Пунктов: {carried.Count}", true);
        foreach (var item in carried) yield return new(ItemLine(item.Number, item.Title, item.DeadlineText, item.Deadline));
        if (optional.Count == 0) yield break;
        yield return new("");
        yield return new($"Не выполнены в {preview.Year - 1} году ({optional.Count}): отметьте кнопками, какие оставить в новом плане.", true);
        foreach (var item in optional) yield return new((item.Kept ? "☑ " : "☐ ") + ItemLine(item.Number, item.Title, item.DeadlineText, item.Deadline));
    }

    /// <summary>«п. 4 «…» — «июнь» → период: с 01.06.2020 по 30.06.2020».</summary>
    public static string ItemLine(string number, string title, string deadlineText, Domain.Deadlines.Deadline deadline) =>
        $"п. {number} «{Titles.Shorten(title)}» — «{(deadlineText.Length == 0 ? "срок не указан" : deadlineText)}» → {DeadlineTexts.KindName(deadline.Kind)}: {DeadlineTexts.Describe(deadline)}";

    private static IEnumerable<TextLine> Difference(int year, PlanDiff diff, int repliesKept)
    {
        yield return new($"План на {year} год уже загружен: ниже — что изменится.");
        if (diff.IsEmpty)
        {
            yield return new("Файл совпадает с загруженным планом: изменений нет.");
            yield break;
        }
        if (diff.Added.Count > 0)
        {
            yield return new($"Добавятся ({diff.Added.Count})", true);
            foreach (var i in diff.Added) yield return new(ItemLine(i.Number, i.Title, i.DeadlineText, i.Deadline));
        }
        if (diff.Changed.Count > 0)
        {
            yield return new($"Изменятся ({diff.Changed.Count})", true);
            foreach (var c in diff.Changed) yield return new(Changed(c));
        }
        if (diff.Removed.Count > 0)
        {
            yield return new($"Будут сняты ({diff.Removed.Count})", true);
            foreach (var i in diff.Removed) yield return new($"п. {i.Number} «{Titles.Shorten(i.Title)}»");
        }
        yield return new($"Без изменений: {diff.Unchanged} {DeadlineTexts.Plural(diff.Unchanged, "пункт", "пункта", "пунктов")}.");
        yield return new($"Ответы участников сохранятся ({repliesKept}): пункты сопоставляются по номеру, у снятых пунктов ответы тоже остаются.");
    }

    private static string Changed(PlanChange change) =>
        $"п. {change.After.Number} «{Titles.Shorten(change.After.Title)}»: "
        + string.Join("; ", change.Fields.Select(f => f switch
        {
            PlanField.Deadline => $"срок «{change.Before.DeadlineText}» → «{change.After.DeadlineText}» ({DeadlineTexts.Describe(change.After.Deadline)})",
            PlanField.Responsible => $"ответственные: {string.Join(", ", change.After.Responsible)}",
            PlanField.Title => "название",
            PlanField.Result => $"результат: {change.After.Result}",
            _ => "раздел",
        }));

    // Outcomes

    public static string Imported(int year, int added, int updated, int removed, int? replacedYear) =>
        $"✅ План на {year} год импортирован: добавлено {added}, обновлено {updated}, снято {removed}."
        + (replacedYear is { } old ? $" Напоминания по плану {old} года прекращены." : "")
        + " Весь план — /plan.";

    public static string Unchanged(int year) => $"План на {year} год уже такой: изменений нет.";

    public const string Cancelled = "Отменено: план не изменён.";

    public const string ToastImported = "План импортирован";

    public const string ToastCancelled = "Отменено";

    public const string ToastKeepChanged = "Отметка изменена";

    // Refusals

    public static string NotAPlan(string message) => $"Не удалось прочитать план: {message} Ничего не изменено.";

    public static string YearNotInCalendar(int year, IReadOnlyList<int> known) =>
        $"В производственном календаре нет {year} года"
        + (known.Count > 0 ? $" (есть {known[0]}–{known[^1]})" : "")
        + ": сроки нельзя сверить с праздниками. Укажите год плана в подписи к файлу, например «2021», или попросите администратора добавить календарь. Ничего не изменено.";

    public const string NoDraft = "Этот предпросмотр не найден: пришлите файл плана снова.";

    public const string NotYours = "Этот предпросмотр прислал другой человек: импортировать или отменить его может только он. Ничего не изменено.";

    public static string AlreadySettled(bool imported) =>
        imported ? "План по этому предпросмотру уже импортирован: повторное нажатие ничего не меняет." : "Этот предпросмотр уже отменён: пришлите файл снова.";

    public const string Expired = "Предпросмотр устарел (прошло больше суток): пришлите файл снова. Ничего не изменено.";

    public const string PlanChanged = "План совета изменился после этого предпросмотра: пришлите файл снова, чтобы увидеть новые отличия. Ничего не изменено.";

    public static string NoPlanToRoll(int year) => $"Нет плана на {year} год, из которого можно подготовить следующий.";

    public static string YearExists(int year) => $"План на {year} год уже загружен. Чтобы изменить его, пришлите файл плана — я покажу отличия.";

    public const string MembersCannotUpload =
        "Загружать план совета могут только секретарь и председатель. Если это протокол, пришлите его с подписью /protocol N или ответом на напоминание о пункте.";

    public const string TooManyUploads = "Слишком много файлов за минуту: подождите минуту и пришлите план ещё раз. Ничего не изменено.";

    public static string PlanTooBig(long maxBytes) => $"Файл слишком большой: план может быть до {maxBytes / 1024 / 1024} МБ. Ничего не изменено.";

    // plan rollover on the server

    public static string RolloverHeading(int year, string council) => $"Черновик плана на {year} год по плану {year - 1} года: {council}";

    public static string UnfinishedLine(string number, string title, bool kept) =>
        $"Не выполнен в прошлом году: п. {number} «{Titles.Shorten(title)}» — " + (kept ? "остаётся в новом плане." : "не переносится (оставить: --keep " + number + ").");

    public static string RolloverDryRun(int year) => $"Пробный просмотр: план на {year} год не сохранён.";

    public static string RolloverStored(int year, int items, int oldYear) =>
        $"План на {year} год сохранён: пунктов {items}. Напоминания по плану {oldYear} года прекращены.";

    public static string NotUnfinished(IReadOnlyList<string> numbers, IReadOnlyList<string> unfinished) =>
        $"--keep: п. {string.Join(", ", numbers)} нет среди невыполненных пунктов"
        + (unfinished.Count > 0 ? $" (невыполненные: {string.Join(", ", unfinished)})." : " (невыполненных пунктов нет).")
        + " Ничего не изменено.";

    public static string CalendarMissesYear(int year, IReadOnlyList<int> known) =>
        $"В производственном календаре нет {year} года"
        + (known.Count > 0 ? $" (есть {known[0]}–{known[^1]})" : "")
        + ": добавьте его в config/calendar/ru.txt. Ничего не изменено.";

    public static string YearExistsOnServer(int year) =>
        $"План на {year} год уже загружен: измените его командой plan import. Ничего не изменено.";

    // The rollover offer (from 1 December)

    public static ChatText RolloverOffer(int year, string council, int carried, int unfinished) => ChatText.Heading(
        $"Пора готовить план на {year} год",
        [
            $"Год плана совета «{council}» заканчивается. Я могу подготовить черновик плана на {year} год: {carried} {DeadlineTexts.Plural(carried, "повторяющийся или постоянный пункт перейдёт", "повторяющихся или постоянных пункта перейдут", "повторяющихся или постоянных пунктов перейдут")} со сроками на новый год, "
            + $"а {unfinished} {DeadlineTexts.Plural(unfinished, "невыполненный пункт", "невыполненных пункта", "невыполненных пунктов")} вы сами оставите или уберёте.",
            "Ничего не сохранится без вашего подтверждения. Если план на новый год уже принят, просто пришлите его файл.",
        ]);

    public static string ButtonRollover(int year) => $"Подготовить план на {year} год";

    public static string RolloverOfferByEmail(int year) =>
        $"Черновик можно подготовить в Telegram (кнопка в сообщении или команда /rollover {year}) или на сервере: nokobot plan rollover --council … --to {year}.";
}
