using System.Text.RegularExpressions;
using static NokoBot.Domain.Deadlines.RussianCalendarWords;

namespace NokoBot.Domain.Deadlines;

/// <summary>
/// Recurring deadlines: «ежеквартально», «1 раз в месяц», «2 раза в год», «не реже одного раза в полугодие», with the
/// day each period is due by («ежемесячно до 5 числа», «ежеквартально, до 10 числа месяца, следующего за отчётным
/// кварталом»).
/// </summary>
public static partial class RussianDeadlineParser
{
    /// <returns>
    /// null when the text names no period; <see cref="UnknownDeadline"/> when it names a due day the period cannot place
    /// («еженедельно до 5 числа», «до 10 числа второго месяца квартала», «до 40 числа»).
    /// </returns>
    private static Deadline? Recurring(string s, string original)
    {
        var periods = new List<RecurrencePeriod>();
        if (s.Contains("еженед", StringComparison.Ordinal) || EveryWeek().IsMatch(s)) periods.Add(RecurrencePeriod.Week);
        if (s.Contains("ежемес", StringComparison.Ordinal) || s.Contains("помесячн", StringComparison.Ordinal) || EveryMonth().IsMatch(s))
            periods.Add(RecurrencePeriod.Month);
        if (s.Contains("ежекв", StringComparison.Ordinal) || s.Contains("поквартальн", StringComparison.Ordinal) || EveryQuarter().IsMatch(s))
            periods.Add(RecurrencePeriod.Quarter);
        if (s.Contains("ежеполуг", StringComparison.Ordinal) || EveryHalfYear().IsMatch(s)) periods.Add(RecurrencePeriod.HalfYear);
        if (TimesAYear().Match(s) is { Success: true } times)
        {
            var n = Amount(times.Groups["n"].Value);
            if (n >= 2) periods.Add(n >= 12 ? RecurrencePeriod.Month : n >= 4 ? RecurrencePeriod.Quarter : RecurrencePeriod.HalfYear);
            else if (n == 1) periods.Add(RecurrencePeriod.Year);
        }
        var yearly = s.Contains("ежегод", StringComparison.Ordinal) || EveryYear().IsMatch(s);
        if (periods.Count == 0)
        {
            // «ежегодно до 1 марта» in a one-year plan is that date: read the rest as a calendar deadline.
            if (!yearly || HasCalendarWords(s)) return null;
            periods.Add(RecurrencePeriod.Year);
        }
        // «ежегодно, 1 раз в квартал»: the most frequent period is the one to keep.
        var every = periods.Min();
        var atLeast = Floor().IsMatch(s);
        if (DueDay().Match(s) is not { Success: true } dueDay) return new RecurringDeadline(original, every, AtLeast: atLeast);

        var day = DayOfMonth(dueDay.Groups["d"].Value);
        if (day is < 1 or > 31 || every == RecurrencePeriod.Week) return new UnknownDeadline(original);
        bool following;
        if (FollowingPeriod().IsMatch(s)) following = true;
        else if (every == RecurrencePeriod.Month || LastMonthOfPeriod().IsMatch(s)) following = false;
        // «до 10 числа второго месяца квартала»: a month of the period we do not place.
        else if (NamedMonthOfPeriod().IsMatch(s)) return new UnknownDeadline(original);
        // «ежегодно до 22 числа»: which month's 22nd is not said; the secretary is asked rather than a month guessed.
        else if (every == RecurrencePeriod.Year) return new UnknownDeadline(original);
        // «ежеквартально до 5 числа»: a quarter has three 5ths; reports are due in the month after it.
        else following = true;
        return new RecurringDeadline(original, every, day, following, atLeast);
    }

    private static bool HasCalendarWords(string s) =>
        MonthWord().IsMatch(s) || NumericDate().IsMatch(s) || s.Contains("квартал", StringComparison.Ordinal) || s.Contains("полугод", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:раз[а]? в|каждую|каждой|кажд[а-я]*)\s+недел")]
    private static partial Regex EveryWeek();

    [GeneratedRegex(@"(?:раз[а]? в|кажд[а-я]*)\s+месяц")]
    private static partial Regex EveryMonth();

    [GeneratedRegex(@"(?:раз[а]? в|кажд[а-я]*)\s+(?:квартал|кв(?:-?л)?(?![а-я]))|по итогам (?:каждого )?квартала")]
    private static partial Regex EveryQuarter();

    [GeneratedRegex(@"(?:раз[а]? в|кажд[а-я]*)\s+(?:полугоди|полуг(?![а-я])|пол\s?года)|по итогам (?:каждого )?полугодия")]
    private static partial Regex EveryHalfYear();

    [GeneratedRegex(@"(?:раз[а]? в|кажд[а-я]*)\s+(?:календарный\s+)?год(?![а-я])")]
    private static partial Regex EveryYear();

    /// <summary>«2 раза в год», «2-х раз в год», «двух раз в год», «дважды в год», «одного раза в год».</summary>
    [GeneratedRegex(@"(?<n>" + AmountWord + @")(?:-?х)?\s*(?:раз[а]?\s+)?в\s+(?:календарный\s+)?год(?![а-я])")]
    private static partial Regex TimesAYear();

    /// <summary>«не реже одного раза в полугодие», «не менее 1 раза в квартал», «как минимум раз в месяц».</summary>
    [GeneratedRegex(@"не\s+реже|не\s+менее|(?<![а-я])минимум")]
    private static partial Regex Floor();

    /// <summary>The due day: «до 5 числа», «не позднее 10-го числа», «к 5 числу», «до пятого числа», «до двадцать пятого числа».</summary>
    [GeneratedRegex(@"(?<![\dа-я])(?<d>\d{1,2}|" + DayOrdinal + @")(?:-?(?:го|е|ое|ого))?\s*(?:числ[а-я]*|чис\.)")]
    private static partial Regex DueDay();

    /// <summary>The day falls in the period after the one reported on.</summary>
    [GeneratedRegex(@"следующ|за\s+отчетн|после\s+(?:окончания\s+)?отчетн|после\s+окончания|по\s+окончании|по\s+истечении|по\s+итогам")]
    private static partial Regex FollowingPeriod();

    [GeneratedRegex(@"последн[а-я]*\s+месяц")]
    private static partial Regex LastMonthOfPeriod();

    [GeneratedRegex(@"(?<![а-я])(?:перв|втор|трет)[а-я]*\s+месяц")]
    private static partial Regex NamedMonthOfPeriod();
}
