using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static NokoBot.Domain.Deadlines.RussianCalendarWords;

namespace NokoBot.Domain.Deadlines;

/// <summary>
/// Reads the deadline cell of a Russian council plan («январь - март», «II квартал», «до 20 октября 2013 г.»,
/// «в течение 10 дней со дня поступления информации о результатах НОКО», «постоянно», «ежегодно, 1 раз в квартал»).
/// Total and pure: every input gives a <see cref="Deadline"/>, text it cannot read is <see cref="UnknownDeadline"/>,
/// the original text is always kept. The plan year fills in a missing year; a year in the text wins. The plan year
/// itself must be a real one (<see cref="MinPlanYear"/>–<see cref="MaxPlanYear"/>): anything else is a caller's bug.
/// </summary>
/// <remarks>
/// Prepositions decide what a period means: «до марта» and «к марту» mean by the day before March; «до конца
/// марта», «не позднее марта» mean by 31 March; a bare or «в течение» period is a window. A list («март, июнь»,
/// «I и III кварталы», «15.03, 15.06») is a series of those, each read as it would be alone.
/// </remarks>
public static partial class RussianDeadlineParser
{
    private const int MaxLength = 500;

    public const int MinPlanYear = 1900;
    public const int MaxPlanYear = 2200;

    /// <exception cref="ArgumentOutOfRangeException">A plan year outside 1900–2200.</exception>
    public static Deadline Parse(string? text, int planYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(planYear, MinPlanYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(planYear, MaxPlanYear);
        var original = text ?? "";
        if (original.Length > MaxLength) return string.IsNullOrWhiteSpace(original) ? new UnscheduledDeadline(original) : new UnknownDeadline(original);
        var (s, cased, whole) = Normalize(original);
        if (s.Length == 0) return new UnscheduledDeadline(original);
        // «ежегодно» is a filler in front of a date («ежегодно до 1 марта»), but a period to the recurring reader.
        var recurring = Recurring(whole, original);
        // A floor is a schedule even «по мере необходимости»: «не реже одного раза в полугодие, по мере необходимости».
        if (recurring is RecurringDeadline { AtLeast: true }) return recurring;
        if (IsUnscheduled(s)) return new UnscheduledDeadline(original);
        return recurring
            ?? Relative(s, cased, original)
            ?? (IsContinuous(s) ? new ContinuousDeadline(original) : null)
            ?? Calendar(s, original, planYear)
            ?? new UnknownDeadline(original);
    }

    /// <summary>
    /// One kind of dash and space, ASCII digits, no line breaks or quotes, «г.»/«года» after a year dropped, filler words in front
    /// («срок:», «в течение») dropped. Returned twice, aligned letter for letter: lower case with ё → е for
    /// matching, and as written for quoting (an event's words keep their capitals: «НОКО»); and the lower case text with
    /// its filler words kept.
    /// </summary>
    internal static (string Lower, string Cased, string Whole) Normalize(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            b.Append(c switch
            {
                '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
                '«' or '»' or '"' or '“' or '”' or '„' => ' ',
                _ when char.IsWhiteSpace(c) || char.IsControl(c) => ' ',
                // Regex \d matches any script's digits («２０２０», «٣»), int.Parse only ASCII ones.
                _ when char.IsDigit(c) => (char)('0' + (int)char.GetNumericValue(c)),
                _ => c,
            });
        }
        var cased = YearWord().Replace(b.ToString(), "$1");
        cased = Spaces().Replace(cased, " ").Trim().TrimEnd('.', ',', ';', ':', ' ');
        var lower = Lower(cased);
        var prefix = Prefix().Match(lower).Length;
        return (lower[prefix..].Trim(), cased[prefix..].Trim(), lower);
    }

    /// <summary>Lower case letter for letter (same length), ё → е, Ukrainian і and Roman ⅰ → Latin i.</summary>
    private static string Lower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = char.ToLowerInvariant(source[i]);
            span[i] = c switch { 'ё' => 'е', 'і' or 'ⅰ' => 'i', _ => c };
        }
    });

    private static bool IsUnscheduled(string s) =>
        s.Contains("график", StringComparison.Ordinal) || s.Contains("по мере", StringComparison.Ordinal)
        || s.Contains("по отдельному", StringComparison.Ordinal) || s.Contains("по согласованию", StringComparison.Ordinal)
        || s.Contains("по запросу", StringComparison.Ordinal) || s.Contains("по необходимости", StringComparison.Ordinal)
        || s.Contains("при необходимости", StringComparison.Ordinal) || s.Contains("в установленные сроки", StringComparison.Ordinal)
        || s.Contains("в сроки, установлен", StringComparison.Ordinal) || s.Contains("по плану", StringComparison.Ordinal)
        || s is "-" or "--" or "—" or "нет" or "б/с" or "без срока";

    private static bool IsContinuous(string s) =>
        s.Contains("постоян", StringComparison.Ordinal) || s.Contains("систематическ", StringComparison.Ordinal)
        || s.Contains("регулярн", StringComparison.Ordinal) || s.Contains("весь период", StringComparison.Ordinal)
        || s.Contains("всего период", StringComparison.Ordinal) || s.Contains("в течение всего", StringComparison.Ordinal)
        || s.Contains("на протяжении всего", StringComparison.Ordinal) || s.Contains("ежедневн", StringComparison.Ordinal);

    // ---- relative ----------------------------------------------------------------------------------------

    private static RelativeDeadline? Relative(string s, string cased, string original)
    {
        var m = RelativeAmount().Match(s);
        if (m.Success)
        {
            var unitWord = m.Groups["unit"].Value;
            var amount = m.Groups["n"].Success ? Amount(m.Groups["n"].Value) : 1;
            var unit = unitWord.StartsWith("нед", StringComparison.Ordinal) ? RelativeUnit.Weeks
                : unitWord.StartsWith("мес", StringComparison.Ordinal) ? RelativeUnit.Months
                : m.Groups["working"].Success ? RelativeUnit.WorkingDays
                : RelativeUnit.Days;
            var anchor = Anchor(cased[(m.Index + m.Length)..]);
            // «в течение месяца» with nothing it counts from is a calendar phrase, not an event's.
            if (anchor.Length == 0 && !m.Groups["n"].Success) return null;
            return new RelativeDeadline(original, amount, unit, anchor);
        }
        var bare = AfterEvent().Match(s);
        return bare.Success ? new RelativeDeadline(original, 0, RelativeUnit.Days, Anchor(cased[bare.Groups["rest"].Index..])) : null;
    }

    /// <summary>The event's words after «со дня», «с момента», «после», «от даты»…</summary>
    private static string Anchor(string rest)
    {
        var trimmed = rest.Trim();
        var lead = AnchorLead().Match(Lower(trimmed)).Length;
        return trimmed[lead..].Trim().Trim(',', '.', ' ');
    }

    // ---- calendar: dates, ranges, months, quarters, half-years, years ----------------------------------

    private static Deadline? Calendar(string s, string original, int planYear)
    {
        if (AcademicYear().Match(s) is { Success: true } ay)
        {
            var first = int.Parse(ay.Groups["y1"].Value, CultureInfo.InvariantCulture);
            var second = ay.Groups["y2"].Success ? FullYear(ay.Groups["y2"].Value, first) : first + 1;
            return second == first + 1 ? new WindowDeadline(original, new DateOnly(first, 9, 1), new DateOnly(second, 8, 31)) : null;
        }
        if (s.Contains("учебн", StringComparison.Ordinal) && s.Contains("год", StringComparison.Ordinal))
            return new WindowDeadline(original, new DateOnly(planYear, 9, 1), new DateOnly(planYear + 1, 8, 31));

        var (mode, body) = Led(s, Mode.Window);
        if (Single(body, mode, planYear) is { } one)
            return one.Start == one.End ? new DateDeadline(original, one.Start) : new WindowDeadline(original, one.Start, one.End);
        return Series(body, mode, planYear) is { } windows ? new SeriesDeadline(original, windows) : null;
    }

    /// <summary>The preposition in front («до», «не позднее», «до конца»…) and what follows it.</summary>
    private static (Mode Mode, string Body) Led(string text, Mode otherwise)
    {
        var lead = Lead().Match(text);
        var mode = lead.Groups["by"].Success ? Mode.Before : lead.Groups["end"].Success ? Mode.ByEnd : otherwise;
        return (mode, text[lead.Length..].Trim());
    }

    /// <summary>One span or period as the preposition reads it: a window, or a day (start = end).</summary>
    private static DeadlineWindow? Single(string body, Mode mode, int planYear)
    {
        if (mode == Mode.Window && Span(body, planYear) is { } range)
            return range.Start <= range.End ? new DeadlineWindow(range.Start, range.End) : null;
        if (Period(body, planYear) is not { } period) return null;
        var day = mode switch
        {
            Mode.Before when period.IsDay => period.Start,
            Mode.Before => period.Start.AddDays(-1),
            Mode.ByEnd => period.End,
            _ when period.IsDay => period.Start,
            _ => (DateOnly?)null,
        };
        return day is { } d ? new DeadlineWindow(d, d) : new DeadlineWindow(period.Start, period.End);
    }

    private enum Mode { Window, Before, ByEnd }

    private readonly record struct Days(DateOnly Start, DateOnly End, bool IsDay = false);

    /// <summary>Two ends joined by «-», «по» or «до»: «январь - март», «с 1 по 15 марта», «1.04.2018-20.04.2018».</summary>
    private static Days? Span(string body, int planYear)
    {
        if (DayRangeInMonth().Match(body) is { Success: true } dr)
        {
            var (month, year) = (MonthNumber(dr.Groups["m"].Value), YearOr(dr.Groups["y"], planYear));
            var first = Day(year, month, dr.Groups["d1"].Value);
            var last = Day(year, month, dr.Groups["d2"].Value);
            return first is { } a && last is { } b ? new Days(a, b) : null;
        }
        var m = RangeSplit().Match(body);
        if (!m.Success) return null;
        var left = Period(m.Groups["a"].Value.Trim(), planYear, yearHint: YearIn(m.Groups["b"].Value));
        var right = Period(m.Groups["b"].Value.Trim(), planYear);
        if (left is not { } l || right is not { } r) return null;
        var end = r.End;
        // «декабрь - январь», «с 15 декабря по 15 января»: the range runs into the next year.
        if (end < l.Start && YearIn(m.Groups["b"].Value) is null) end = end.AddYears(1);
        return new Days(l.Start, end);
    }

    /// <summary>One period: a date, a decade, a month, a quarter, a half-year or a year.</summary>
    private static Days? Period(string body, int planYear, int? yearHint = null)
    {
        body = Prefix().Replace(body.Trim(), "").Trim();
        Match m;
        if ((m = NumericDate().Match(body)).Success && m.Length == body.Length)
        {
            var year = m.Groups["y"].Success ? FullYear(m.Groups["y"].Value, planYear) : yearHint ?? planYear;
            return Day(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["d"].Value) is { } d ? new Days(d, d, true) : null;
        }
        if ((m = TextDate().Match(body)).Success && m.Length == body.Length)
        {
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : yearHint ?? planYear;
            return Day(year, MonthNumber(m.Groups["m"].Value), m.Groups["d"].Value) is { } d ? new Days(d, d, true) : null;
        }
        if ((m = DayOnly().Match(body)).Success && m.Length == body.Length)
            return null; // «с 1 по 15 марта» is read whole by DayRangeInMonth.
        if ((m = Decade().Match(body)).Success && m.Length == body.Length)
        {
            var n = OrdinalNumber(m.Groups["o"].Value);
            if (n is < 1 or > 3) return null;
            var year = YearOr(m.Groups["y"], yearHint ?? planYear);
            var month = MonthNumber(m.Groups["m"].Value);
            var start = new DateOnly(year, month, 10 * (n - 1) + 1);
            return new Days(start, n == 3 ? start.AddMonths(1).AddDays(-start.Day) : start.AddDays(9));
        }
        if ((m = MonthWithYear().Match(body)).Success && m.Length == body.Length)
        {
            var start = new DateOnly(YearOr(m.Groups["y"], yearHint ?? planYear), MonthNumber(m.Groups["m"].Value), 1);
            return new Days(start, start.AddMonths(1).AddDays(-1));
        }
        if ((m = Quarter().Match(body)).Success && m.Length == body.Length)
            return Months(m, yearHint ?? planYear, 3, 4);
        if ((m = HalfYear().Match(body)).Success && m.Length == body.Length)
            return Months(m, yearHint ?? planYear, 6, 2);
        if ((m = WholeYear().Match(body)).Success && m.Length == body.Length)
        {
            var first = m.Groups["y1"].Success ? int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture) : yearHint ?? planYear;
            var last = m.Groups["y2"].Success ? FullYear(m.Groups["y2"].Value, first) : first;
            return last >= first && last - first < 10 ? new Days(new DateOnly(first, 1, 1), new DateOnly(last, 12, 31)) : null;
        }
        return null;
    }

    /// <summary>Quarters or half-years, one («II квартал») or a span of them («I-II квартал»).</summary>
    private static Days? Months(Match m, int defaultYear, int length, int count)
    {
        var first = OrdinalNumber(m.Groups["o1"].Value);
        var last = m.Groups["o2"].Success ? OrdinalNumber(m.Groups["o2"].Value) : first;
        if (first < 1 || last < first || last > count) return null;
        var year = YearOr(m.Groups["y"], defaultYear);
        var start = new DateOnly(year, (first - 1) * length + 1, 1);
        return new Days(start, new DateOnly(year, 1, 1).AddMonths(last * length).AddDays(-1));
    }

    private static DateOnly? Day(int year, int month, string day) =>
        int.TryParse(day, CultureInfo.InvariantCulture, out var d) && month is >= 1 and <= 12 && year is >= 1900 and <= 2200
        && d >= 1 && d <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, d) : null;

    private static int YearOr(Group group, int fallback) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : fallback;

    private static int? YearIn(string text) => YearAnywhere().Match(text) is { Success: true } y ? int.Parse(y.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>«20» → 2020, «2021» → 2021, «21» after 2020 → 2021.</summary>
    private static int FullYear(string digits, int near)
    {
        var y = int.Parse(digits, CultureInfo.InvariantCulture);
        return digits.Length <= 2 ? near / 100 * 100 + y : y;
    }

    // ---- patterns ------------------------------------------------------------------------------------------

    [GeneratedRegex(@"((?:19|20)\d\d)\s*(?:гг?\.?(?![а-я])|года?(?![а-я])|году(?![а-я])|годов(?![а-я])|г(?![а-я]))", RegexOptions.IgnoreCase)]
    private static partial Regex YearWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Words in front that change nothing: «срок:», «в течение», «в», «на протяжении», «период».</summary>
    [GeneratedRegex(@"^(?:(?:срок(?:и)?(?: исполнения| реализации| выполнения)?\s*[:\-]?|в течение|на протяжении|в период|период|ежегодн[а-я]*[,:]?|в|во|на)\s+)+")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:(?<end>до конца|к концу|не позднее конца|не позже конца|не позднее|не позже|до окончания|по окончании|в конце|конец)|(?<by>до|к|ко|по))\s+")]
    private static partial Regex Lead();

    /// <summary>A number in digits or a numeral word in any case («десяти», «двух», «одного», «пятнадцати»).</summary>
    private const string AmountWord =
        @"\d{1,3}|(?<![а-я])(?:одн|один|два|две|двух|три|трех|четыр|пят|шест|сем|восем|девят|десят|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат|сорок|шестьдесят|девяност)[а-я]*";

    /// <summary>
    /// «10 (рабочих|календарных) дней», «трех дней», «двух недель», «одного месяца»; without a number only a week or a
    /// month («в течение месяца», «в месячный срок»), since «со дня» is an anchor, not an amount.
    /// </summary>
    [GeneratedRegex(@"(?<n>" + AmountWord + @")\s+(?:(?<working>рабоч[а-я]*)\s+|календарн[а-я]*\s+)?(?<unit>дн(?:ей|я)|день|суток|сутки|недел[ьиюя]|месяц(?:а|ев)?)(?![а-я])|(?<![а-я])(?<unit>недел[иью]|месяц[а]?)(?![а-я])|(?<unit>месячн)[а-я]*\s+срок|(?<n>\d{1,3})-?(?:ти)?-?дневн[а-я]*\s+срок(?<unit>)")]
    private static partial Regex RelativeAmount();

    [GeneratedRegex(@"^(?:сразу\s+)?(?:после|со дня|с даты|с момента|по(?:сле)? получени[ия]|по итогам|по результатам)\s+(?<rest>.+)$")]
    private static partial Regex AfterEvent();

    [GeneratedRegex(@"^(?:,\s*)?(?:(?:начиная\s+)?(?:со дня|с дня|с даты|от даты|с момента|после|по истечении|по окончании|по завершении|по получении|с|со|от|в|по)\s+)+")]
    private static partial Regex AnchorLead();

    [GeneratedRegex(@"(?<y1>(?:19|20)\d\d)\s*[-/]\s*(?<y2>(?:19|20)?\d\d)\s*(?:уч\.?\s*г?\.?|учебн[а-я]*(?:\s+год[а-я]*)?)")]
    private static partial Regex AcademicYear();

    [GeneratedRegex(@"^(?:с\s+)?(?<d1>\d{1,2})\s*(?:-|по|до)\s*(?<d2>\d{1,2})\s+(?<m>" + Month + @")(?:\s+(?<y>" + Year + "))?$")]
    private static partial Regex DayRangeInMonth();

    [GeneratedRegex(@"^(?:с\s+)?(?<a>.+?)\s*(?:\s-\s|-|\sпо\s|\sдо\s)\s*(?<b>.+)$")]
    private static partial Regex RangeSplit();

    [GeneratedRegex(@"\s*(?:,|;|\sи\s)\s*")]
    private static partial Regex ListSplit();

    [GeneratedRegex(@"(?<d>\d{1,2})[./](?<m>\d{1,2})(?:[./](?<y>\d{4}|\d{2}))?")]
    private static partial Regex NumericDate();

    /// <summary>«15 марта», «15-го марта», «15 числа марта 2021».</summary>
    [GeneratedRegex(@"(?<d>\d{1,2})(?:-?го)?\s+(?:числа\s+)?(?<m>" + Month + @")(?:\s+(?<y>" + Year + "))?")]
    private static partial Regex TextDate();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex DayOnly();

    [GeneratedRegex(@"(?<o>" + Ordinal + @")\s+декад[а-я]*\s+(?<m>" + Month + @")(?:\s+(?<y>" + Year + "))?")]
    private static partial Regex Decade();

    [GeneratedRegex(@"(?<m>" + Month + @")(?:\s+(?<y>" + Year + "))?")]
    private static partial Regex MonthWithYear();

    [GeneratedRegex(@"(?<![а-я])" + Month)]
    private static partial Regex MonthWord();

    /// <summary>«II квартал», «2 кв.», «IIкв.», «1-й кв-л», «I-II квартал», «IV кв. 2021».</summary>
    [GeneratedRegex(@"(?<o1>" + Ordinal + @")(?:\s*-\s*(?<o2>" + Ordinal + @"))?\s*(?:квартал[а-я]*|кварт\.?|кв-?л\.?|кв\.?)(?![а-я])(?:\s*(?<y>" + Year + "))?")]
    private static partial Regex Quarter();

    /// <summary>«I полугодие», «второе полугодие», «1 полуг.», «2-е полугод. 2021».</summary>
    [GeneratedRegex(@"(?<o1>" + Ordinal + @")(?:\s*-\s*(?<o2>" + Ordinal + @"))?\s*(?:полугоди[а-я]*|полугод\.?|полуг\.?)(?![а-я])(?:\s*(?<y>" + Year + "))?")]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"(?:(?<y1>" + Year + @")(?:\s*-\s*(?<y2>" + Year + @"))?(?:\s+год[а-я]*)?|(?:текущ[а-я]+\s+|календарн[а-я]+\s+|отчетн[а-я]+\s+)?год[а-я]*)")]
    private static partial Regex WholeYear();

    [GeneratedRegex(Year)]
    private static partial Regex YearAnywhere();
}
