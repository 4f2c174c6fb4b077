using System.Globalization;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Texts;

/// <summary>How a deadline reads to a person (Russian).</summary>
public static class DeadlineTexts
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Describe(Deadline deadline) => deadline switch
    {
        WindowDeadline w when w.Start == w.End => $"{Date(w.Start)}",
        WindowDeadline w => $"с {Date(w.Start)} по {Date(w.End)}",
        DateDeadline d => $"до {Date(d.Date)}",
        SeriesDeadline s => string.Join("; ", s.Windows.Select(w => w.Start == w.End ? $"до {Date(w.End)}" : $"с {Date(w.Start)} по {Date(w.End)}")),
        RecurringDeadline r => Every(r) + DueDay(r),
        ContinuousDeadline => "постоянно",
        RelativeDeadline r => $"{Amount(r)} после события «{r.Anchor}»",
        UnscheduledDeadline => "срок не назначен",
        _ => "срок не распознан",
    };

    /// <summary>Why the secretary should look at this item, or null when its deadline is clear.</summary>
    public static string? Attention(Deadline deadline) => deadline switch
    {
        UnscheduledDeadline => "нужна дата",
        UnknownDeadline => "не распознан — укажите дату",
        RelativeDeadline => "ждёт события",
        _ => null,
    };

    public static string KindName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Window => "период",
        DeadlineKind.Date => "дата",
        DeadlineKind.Series => "несколько сроков",
        DeadlineKind.Recurring => "повторяется",
        DeadlineKind.Continuous => "постоянно",
        DeadlineKind.Relative => "после события",
        DeadlineKind.Unscheduled => "без срока",
        _ => "не распознан",
    };

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", Russian);

    private static string Every(RecurringDeadline r) => (r.Every, r.AtLeast) switch
    {
        (RecurrencePeriod.Week, false) => "еженедельно",
        (RecurrencePeriod.Month, false) => "ежемесячно",
        (RecurrencePeriod.Quarter, false) => "ежеквартально",
        (RecurrencePeriod.HalfYear, false) => "раз в полугодие",
        (_, false) => "ежегодно",
        (RecurrencePeriod.Week, true) => "не реже раза в неделю",
        (RecurrencePeriod.Month, true) => "не реже раза в месяц",
        (RecurrencePeriod.Quarter, true) => "не реже раза в квартал",
        (RecurrencePeriod.HalfYear, true) => "не реже раза в полугодие",
        (_, true) => "не реже раза в год",
    };

    /// <summary>«, до 5-го числа» (of the month itself), «, до 25-го числа последнего месяца», «, до 10-го числа следующего месяца».</summary>
    private static string DueDay(RecurringDeadline r) => r.Day is not { } day ? ""
        : r.Following ? $", до {day}-го числа следующего месяца"
        : r.Every == RecurrencePeriod.Month ? $", до {day}-го числа"
        : $", до {day}-го числа последнего месяца";

    private static string Amount(RelativeDeadline r)
    {
        if (r.Amount == 0) return "сразу";
        var unit = r.Unit switch
        {
            RelativeUnit.WorkingDays => Plural(r.Amount, "рабочий день", "рабочих дня", "рабочих дней"),
            RelativeUnit.Weeks => Plural(r.Amount, "неделя", "недели", "недель"),
            RelativeUnit.Months => Plural(r.Amount, "месяц", "месяца", "месяцев"),
            _ => Plural(r.Amount, "день", "дня", "дней"),
        };
        return $"{r.Amount} {unit}";
    }

    public static string Plural(int n, string one, string few, string many)
    {
        var mod100 = Math.Abs(n) % 100;
        var mod10 = mod100 % 10;
        if (mod100 is >= 11 and <= 14) return many;
        return mod10 switch { 1 => one, >= 2 and <= 4 => few, _ => many };
    }
}
