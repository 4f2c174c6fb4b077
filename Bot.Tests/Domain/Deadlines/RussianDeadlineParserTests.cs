using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Tests.Domain.Deadlines;

public sealed class RussianDeadlineParserTests
{
    /// <summary>A deadline as one comparable line: kind and its fields.</summary>
    private static string Describe(Deadline d) => d switch
    {
        WindowDeadline w => $"window {w.Start:yyyy-MM-dd}..{w.End:yyyy-MM-dd}",
        DateDeadline x => $"date {x.Date:yyyy-MM-dd}",
        RecurringDeadline r => $"recurring {DeadlineNames.Of(r.Every)}" + (r.DueDay is { } day ? string.Create(CultureInfo.InvariantCulture, $" day {day}") : ""),
        RelativeDeadline r => string.Create(CultureInfo.InvariantCulture, $"relative {r.Amount} {DeadlineNames.Of(r.Unit)} after «{r.Anchor}»"),
        _ => DeadlineNames.Of(d.Kind),
    };

    [Theory]
    // Every phrasing of the two seed plans.
    [InlineData("январь -\nмарт", "window 2020-01-01..2020-03-31")]
    [InlineData("", "unscheduled")]
    [InlineData("июнь", "window 2020-06-01..2020-06-30")]
    [InlineData("июнь – август", "window 2020-06-01..2020-08-31")]
    [InlineData("согласно графику проведения НОКО", "unscheduled")]
    [InlineData("в течение 10 дней со дня поступления информации о результатах НОКО", "relative 10 days after «поступления информации о результатах НОКО»")]
    [InlineData("в течение 3 дней после рассмотрения результатов НОКО", "relative 3 days after «рассмотрения результатов НОКО»")]
    [InlineData("в течение года", "window 2020-01-01..2020-12-31")]
    [InlineData("со дня поступления информации о результатах НОКО", "relative 0 days after «поступления информации о результатах НОКО»")]
    [InlineData("ноябрь - декабрь", "window 2020-11-01..2020-12-31")]
    [InlineData("декабрь", "window 2020-12-01..2020-12-31")]
    [InlineData("постоянно", "continuous")]
    [InlineData("ежегодно, 1 раз в квартал", "recurring quarter")]
    [InlineData("Январь-февраль", "window 2020-01-01..2020-02-29")]
    [InlineData("II квартал", "window 2020-04-01..2020-06-30")]
    [InlineData("IV квартал", "window 2020-10-01..2020-12-31")]
    [InlineData("Постоянно", "continuous")]
    public void Every_deadline_of_the_seed_plans_is_understood(string text, string expected) =>
        Assert.Equal(expected, Describe(RussianDeadlineParser.Parse(text, 2020)));

    [Theory]
    // Months: any case, dashes, line breaks, ranges into the next year, explicit years.
    [InlineData("ЯНВАРЬ — МАРТ", "window 2020-01-01..2020-03-31")]
    [InlineData("с января по март", "window 2020-01-01..2020-03-31")]
    [InlineData("в мае", "window 2020-05-01..2020-05-31")]
    [InlineData("сент.", "window 2020-09-01..2020-09-30")]
    [InlineData("декабрь - январь", "window 2020-12-01..2021-01-31")]
    [InlineData("ноябрь 2020 - февраль 2021", "window 2020-11-01..2021-02-28")]
    [InlineData("март 2021 г.", "window 2021-03-01..2021-03-31")]
    [InlineData("март, июнь и сентябрь", "window 2020-03-01..2020-09-30")]
    // Quarters, half-years, years, academic years.
    [InlineData("2 кв.", "window 2020-04-01..2020-06-30")]
    [InlineData("2-й квартал", "window 2020-04-01..2020-06-30")]
    [InlineData("в течение III квартала", "window 2020-07-01..2020-09-30")]
    [InlineData("I-II квартал", "window 2020-01-01..2020-06-30")]
    [InlineData("IV квартал 2021 г.", "window 2021-10-01..2021-12-31")]
    [InlineData("І квартал", "window 2020-01-01..2020-03-31")] // Cyrillic/Ukrainian І
    [InlineData("I полугодие", "window 2020-01-01..2020-06-30")]
    [InlineData("второе полугодие", "window 2020-07-01..2020-12-31")]
    [InlineData("в течение первого полугодия 2021 года", "window 2021-01-01..2021-06-30")]
    [InlineData("2021 год", "window 2021-01-01..2021-12-31")]
    [InlineData("2020-2022 гг.", "window 2020-01-01..2022-12-31")]
    [InlineData("2020-2021 уч. г.", "window 2020-09-01..2021-08-31")]
    [InlineData("2020/2021 учебный год", "window 2020-09-01..2021-08-31")]
    // Date ranges and decades.
    [InlineData("1.04.2018-20.04.2018", "window 2018-04-01..2018-04-20")]
    [InlineData("с 01.04 по 20.04", "window 2020-04-01..2020-04-20")]
    [InlineData("с 1 по 15 марта", "window 2020-03-01..2020-03-15")]
    [InlineData("первая декада марта", "window 2020-03-01..2020-03-10")]
    [InlineData("II декада апреля", "window 2020-04-11..2020-04-20")]
    [InlineData("3 декада февраля", "window 2020-02-21..2020-02-29")]
    // Exact dates: the plan year fills in, an explicit year wins, a past year is kept.
    [InlineData("15.05.2020", "date 2020-05-15")]
    [InlineData("15.05.20", "date 2020-05-15")]
    [InlineData("15.05", "date 2020-05-15")]
    [InlineData("25 декабря", "date 2020-12-25")]
    [InlineData("до 20 октября 2013 г.", "date 2013-10-20")]
    [InlineData("не позднее 1 июня", "date 2020-06-01")]
    [InlineData("в срок до 01.12.2020", "date 2020-12-01")]
    [InlineData("к 1 сентября", "date 2020-09-01")]
    [InlineData("до 25.12.2020г.", "date 2020-12-25")]
    [InlineData("до конца марта", "date 2020-03-31")]
    [InlineData("до конца I квартала", "date 2020-03-31")]
    [InlineData("до конца года", "date 2020-12-31")]
    [InlineData("до марта", "date 2020-02-29")]
    [InlineData("ежегодно до 1 марта", "date 2020-03-01")]
    // Leap years.
    [InlineData("29.02.2020", "date 2020-02-29")]
    [InlineData("29.02.2021", "unknown")]
    [InlineData("31.04", "unknown")]
    public void Calendar_phrasings_become_windows_and_dates(string text, string expected) =>
        Assert.Equal(expected, Describe(RussianDeadlineParser.Parse(text, 2020)));

    [Theory]
    [InlineData("ежеквартально", "recurring quarter")]
    [InlineData("ежемесячно", "recurring month")]
    [InlineData("еженедельно", "recurring week")]
    [InlineData("ежегодно", "recurring year")]
    [InlineData("не реже одного раза в полугодие", "recurring half-year")]
    [InlineData("1 раз в месяц", "recurring month")]
    [InlineData("2 раза в год", "recurring half-year")]
    [InlineData("ежеквартально до 5 числа месяца, следующего за отчетным периодом", "recurring quarter day 5")]
    [InlineData("ежемесячно, до 10-го числа", "recurring month day 10")]
    [InlineData("на постоянной основе", "continuous")]
    [InlineData("систематически", "continuous")]
    [InlineData("в течение 5 рабочих дней с момента утверждения", "relative 5 working-days after «утверждения»")]
    [InlineData("в течение одного месяца после заседания", "relative 1 months after «заседания»")]
    [InlineData("в течение двух недель со дня получения отчёта", "relative 2 weeks after «получения отчёта»")]
    [InlineData("не позднее десяти календарных дней со дня поступления", "relative 10 days after «поступления»")]
    [InlineData("в 10-дневный срок после получения", "relative 10 days after «получения»")]
    [InlineData("в месячный срок с даты утверждения плана", "relative 1 months after «утверждения плана»")]
    [InlineData("после утверждения плана", "relative 0 days after «утверждения плана»")]
    [InlineData("по графику", "unscheduled")]
    [InlineData("по мере необходимости", "unscheduled")]
    [InlineData("  \n\t ", "unscheduled")]
    [InlineData("когда-нибудь потом", "unknown")]
    [InlineData("<b>март</b>", "unknown")]
    public void Recurring_continuous_relative_and_unscheduled_phrasings_are_told_apart(string text, string expected) =>
        Assert.Equal(expected, Describe(RussianDeadlineParser.Parse(text, 2020)));

    [Fact]
    public void The_text_is_kept_verbatim_whatever_it_means()
    {
        const string text = "  январь -\r\nмарт  ";

        Assert.Equal(text, RussianDeadlineParser.Parse(text, 2020).Text);
        Assert.Equal("", RussianDeadlineParser.Parse(null, 2020).Text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9999)]
    public void A_plan_year_that_is_not_a_real_one_is_refused_as_the_callers_mistake(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RussianDeadlineParser.Parse("до 31 декабря", year));

    [Fact]
    public void A_huge_text_is_unknown_not_slow()
    {
        var text = string.Concat(Enumerable.Repeat("январь - ", 100_000));

        Assert.IsType<UnknownDeadline>(RussianDeadlineParser.Parse(text, 2020));
    }

    private static readonly string[] Words =
    [
        "январь", "марта", "-", "–", "по", "до", "с", "II", "IV", "квартал", "кв.", "полугодие", "2020", "2021", "г.", "года",
        "15.05", "31.02.2021", "1", "10", "дней", "рабочих", "в течение", "со дня", "после", "ежегодно", ",", "раз", "в",
        "НОКО", "постоянно", "декада", "уч.", "\n", "ё", "💥", "\0", "<script>", "99.99.9999", "-1", "до конца",
    ];

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Any_mix_of_deadline_words_parses_without_throwing_and_keeps_its_text() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(Words)).Select(w => string.Join(' ', w)).ToArbitrary(),
            Gen.Choose(2000, 2100).ToArbitrary(),
            (text, year) => RussianDeadlineParser.Parse(text, year).Text == text);

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Arbitrary_strings_never_throw(string? text) =>
        (RussianDeadlineParser.Parse(text, 2020).Text == (text ?? "")).ToProperty();
}
