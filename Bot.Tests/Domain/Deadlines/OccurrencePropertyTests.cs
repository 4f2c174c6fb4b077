using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Reminders;

namespace NokoBot.Tests.Domain.Deadlines;

/// <summary>
/// Lists and recurring deadlines written the many ways councils write them: every window of a series lies in the year
/// it names (else the plan year), and every occurrence of a recurring deadline falls due inside the plan year.
/// </summary>
public sealed class OccurrencePropertyTests
{
    private static readonly string[][] MonthSpellings =
    [
        ["январь", "Январь", "янв."], ["февраль", "ФЕВРАЛЬ", "февр."], ["март", "Март", "мар"], ["апрель", "апр."],
        ["май", "Май"], ["июнь", "июн"], ["июль", "июл."], ["август", "авг."], ["сентябрь", "сент."], ["октябрь", "окт"],
        ["ноябрь", "нояб."], ["декабрь", "Декабрь", "дек."],
    ];

    private static readonly string[][] QuarterSpellings = [["I", "І", "1", "1-й"], ["II", "ІІ", "2", "2-й"], ["III", "ІІІ", "3", "3-й"], ["IV", "ІV", "4", "4-й"]];
    private static readonly string[] QuarterUnits = ["кварталы", "квартал", "кв.", "кв", "квартала"];
    private static readonly string[] ListJoints = [", ", " и ", "; ", ",\n", " ,  "];
    private static readonly string[] YearSuffixes = ["", " г.", "г.", " года", " гг."];

    /// <summary>A text, its plan year, and the windows it must read as.</summary>
    public sealed record ListCase(string Text, int PlanYear, DeadlineWindow[] Expected)
    {
        public override string ToString() => $"«{Text.Replace("\n", "\\n", StringComparison.Ordinal)}» in a {PlanYear} plan";
    }

    /// <summary>Indexes 0..n-1 picked by a mask with at least two bits, in order.</summary>
    private static Gen<int[]> Picks(int n) =>
        Gen.Choose(0, (1 << n) - 1).Where(m => int.PopCount(m) >= 2).Select(m => Enumerable.Range(0, n).Where(i => (m & (1 << i)) != 0).ToArray());

    /// <summary>No year (the plan's), or one named once at the end of the list.</summary>
    private static Gen<(int? Year, string Suffix)> NamedYear() =>
        Gen.Elements<int?>(null, null, 1999, 2020, 2021, 2047)
            .SelectMany(y => Gen.Elements(YearSuffixes).Select(s => (y, y is null ? "" : " " + y.Value.ToString(CultureInfo.InvariantCulture) + s)));

    private static string Join(IReadOnlyList<string> parts, IReadOnlyList<string> joints) =>
        parts[0] + string.Concat(parts.Skip(1).Select((p, i) => joints[i % joints.Count] + p));

    private static Gen<ListCase> MonthLists() =>
        from months in Picks(12)
        from spelled in Gen.CollectToArray(months.Select(m => Gen.Elements(MonthSpellings[m])))
        from joints in Gen.ListOf(Gen.Elements([.. ListJoints, "\n"]), months.Length)
        from named in NamedYear()
        from planYear in Gen.Choose(1950, 2150)
        let year = named.Year ?? planYear
        select new ListCase(
            Join([.. spelled], [.. joints]) + named.Suffix, planYear,
            [.. months.Select(m => new DeadlineWindow(new DateOnly(year, m + 1, 1), new DateOnly(year, m + 1, 1).AddMonths(1).AddDays(-1)))]);

    private static Gen<ListCase> QuarterLists() =>
        from quarters in Picks(4)
        from spelled in Gen.CollectToArray(quarters.Select(q => Gen.Elements(QuarterSpellings[q])))
        from unit in Gen.Elements(QuarterUnits)
        from unitEach in Gen.Elements(false, true)
        from joints in Gen.ListOf(Gen.Elements(", ", " и "), quarters.Length)
        from named in NamedYear()
        from planYear in Gen.Choose(1950, 2150)
        let year = named.Year ?? planYear
        select new ListCase(
            Join([.. spelled.Select((q, i) => unitEach || i == quarters.Length - 1 ? q + " " + unit : q)], [.. joints]) + named.Suffix, planYear,
            [.. quarters.Select(q => new DeadlineWindow(new DateOnly(year, 3 * q + 1, 1), new DateOnly(year, 3 * q + 1, 1).AddMonths(3).AddDays(-1)))]);

    private static Gen<ListCase> DateLists() =>
        from months in Picks(12)
        from days in Gen.CollectToArray(months.Select(_ => Gen.Choose(1, 28)))
        from zeroPadded in Gen.Elements(false, true)
        from lead in Gen.Elements("", "до ", "не позднее ", "в срок до ")
        from joints in Gen.ListOf(Gen.Elements(", ", "; ", " и ", ",\n"), months.Length)
        from namesYear in Gen.Elements(false, true)
        from named in Gen.Elements(1999, 2021, 2047)
        from planYear in Gen.Choose(1950, 2150)
        let year = namesYear ? named : planYear
        let dates = months.Select((m, i) => new DateOnly(year, m + 1, days[i])).ToArray()
        let spelled = dates.Select(d => d.ToString(zeroPadded ? "dd.MM" : "d.MM", CultureInfo.InvariantCulture)).ToArray()
        select new ListCase(
            lead + Join([.. spelled.Select((d, i) => namesYear && i == spelled.Length - 1 ? d + "." + named.ToString(CultureInfo.InvariantCulture) : d)], [.. joints]),
            planYear, [.. dates.Select(d => new DeadlineWindow(d, d))]);

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Every_window_of_a_list_lies_in_the_year_it_names_or_the_plan_year() =>
        Prop.ForAll(Gen.OneOf(MonthLists(), QuarterLists(), DateLists()).ToArbitrary(), c =>
        {
            var series = Assert.IsType<SeriesDeadline>(RussianDeadlineParser.Parse(c.Text, c.PlanYear));
            Assert.Equal(c.Expected, series.Windows);
            var year = c.Expected[0].Start.Year;
            Assert.All(series.Windows, w => Assert.True(w.Start.Year == year && w.End.Year == year, $"{w} outside {year}"));
            Assert.Equal(c.Expected.Select(w => w.End), OccurrenceSchedule.Of(series, c.PlanYear)!.Select(o => o.Due));
        });

    private static readonly (string Text, RecurrencePeriod Every)[] Periods =
    [
        ("ежемесячно", RecurrencePeriod.Month), ("1 раз в месяц", RecurrencePeriod.Month), ("не реже одного раза в месяц", RecurrencePeriod.Month),
        ("ежеквартально", RecurrencePeriod.Quarter), ("Ежекв.", RecurrencePeriod.Quarter), ("не реже 1 раза в квартал", RecurrencePeriod.Quarter),
        ("раз в полугодие", RecurrencePeriod.HalfYear), ("не реже 2-х раз в год", RecurrencePeriod.HalfYear), ("не реже раза в полгода", RecurrencePeriod.HalfYear),
        ("ежегодно", RecurrencePeriod.Year), ("1 раз в год", RecurrencePeriod.Year),
        ("еженедельно", RecurrencePeriod.Week),
    ];

    private static readonly string[] OrdinalDays =
    [
        "первого", "второго", "третьего", "четвертого", "пятого", "шестого", "седьмого", "восьмого", "девятого", "десятого",
        "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого", "пятнадцатого", "шестнадцатого", "семнадцатого",
        "восемнадцатого", "девятнадцатого", "двадцатого",
    ];

    private static string OrdinalDay(int day) => day switch
    {
        <= 20 => OrdinalDays[day - 1],
        < 30 => "двадцать " + OrdinalDays[day - 21],
        30 => "тридцатого",
        _ => "тридцать первого",
    };

    public sealed record RecurringCase(string Text, RecurrencePeriod Every, int? Day, bool Following, int PlanYear)
    {
        public override string ToString() => $"«{Text}» in a {PlanYear} plan";
    }

    private static Gen<RecurringCase> RecurringTexts() =>
        from period in Gen.Elements(Periods)
        from day in Gen.Choose(1, 31)
        from dayForm in Gen.Choose(0, 4)
        from following in Gen.Elements("", " месяца, следующего за отчетным периодом", "\nмесяца, следующего за отчётным")
        from planYear in Gen.Choose(1950, 2150)
        let withDay = period.Every != RecurrencePeriod.Week && dayForm > 0
        let clause = !withDay ? "" : dayForm switch
        {
            1 => $", до {day} числа",
            2 => $" не позднее {day}-го числа",
            3 => $" в срок до {OrdinalDay(day)} числа",
            _ => $", к {day} числу",
        } + following
        select new RecurringCase(period.Text + clause, period.Every, withDay ? day : null, withDay && following.Length > 0, planYear);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Every_occurrence_of_a_recurring_deadline_falls_due_inside_the_plan_year() =>
        Prop.ForAll(RecurringTexts().ToArbitrary(), c =>
        {
            var parsed = RussianDeadlineParser.Parse(c.Text, c.PlanYear);
            // «ежегодно до 5 числа» names no month: asked of the secretary, never guessed.
            if (c is { Every: RecurrencePeriod.Year, Day: not null, Following: false })
            {
                Assert.IsType<UnknownDeadline>(parsed);
                return;
            }
            var recurring = Assert.IsType<RecurringDeadline>(parsed);
            Assert.Equal((c.Every, c.Day), (recurring.Every, recurring.Day));
            var dues = OccurrenceSchedule.Of(recurring, c.PlanYear)!.Select(o => o.Due).ToList();

            Assert.All(dues, d => Assert.Equal(c.PlanYear, d.Year));
            Assert.Equal(dues.Order(), dues);
            Assert.Equal(dues.Count, dues.Distinct().Count());
            if (c.Every == RecurrencePeriod.Week) Assert.InRange(dues.Count, 52, 53);
            else Assert.Equal(c.Every switch { RecurrencePeriod.Month => 12, RecurrencePeriod.Quarter => 4, RecurrencePeriod.HalfYear => 2, _ => 1 }, dues.Count);
            if (c.Day is { } day) Assert.All(dues, d => Assert.Equal(Math.Min(day, DateTime.DaysInMonth(d.Year, d.Month)), d.Day));

            // And the reminders are about those occurrences only.
            var item = new ReminderInput(1, c.PlanYear, recurring, ["Совет"], "отчёт", []);
            var plan = new ReminderPolicy(CouncilSettings.Default, Moscow, ProductionCalendar.WeekendsOnly).Plan(item, new DateOnly(c.PlanYear + 1, 12, 31));
            Assert.All(plan, r => Assert.Contains(r.Occurrence, dues));
        });

    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
}
