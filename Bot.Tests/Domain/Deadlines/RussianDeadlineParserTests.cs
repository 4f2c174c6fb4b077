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
        SeriesDeadline s => "series " + string.Join(", ", s.Windows.Select(w => $"{w.Start:yyyy-MM-dd}..{w.End:yyyy-MM-dd}")),
        RecurringDeadline r => $"recurring {DeadlineNames.Of(r.Every)}" + (r.Day is { } day ? string.Create(CultureInfo.InvariantCulture, $" day {day}") : "")
            + (r.Following ? " following" : "") + (r.AtLeast ? " at-least" : ""),
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
    [InlineData("до 15-го декабря", "date 2020-12-15")]
    [InlineData("до 15 числа декабря", "date 2020-12-15")]
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
    [InlineData("не реже одного раза в полугодие", "recurring half-year at-least")]
    [InlineData("1 раз в месяц", "recurring month")]
    [InlineData("2 раза в год", "recurring half-year")]
    [InlineData("ежеквартально до 5 числа месяца, следующего за отчетным периодом", "recurring quarter day 5 following")]
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

    [Theory]
    // The due day within each period: digits or ordinal words, «до», «не позднее», «в срок до», «к … числу».
    [InlineData("ежемесячно до 5 числа", "recurring month day 5")]
    [InlineData("Ежемесячно, до 5-го числа", "recurring month day 5")]
    [InlineData("ежемесячно в срок до 5 числа", "recurring month day 5")]
    [InlineData("ежемесячно не позднее 5-го числа", "recurring month day 5")]
    [InlineData("ежемесячно, не позднее пятого числа", "recurring month day 5")]
    [InlineData("ежемес. к 5 числу", "recurring month day 5")]
    [InlineData("1 раз в месяц до 20 числа", "recurring month day 20")]
    [InlineData("ежемесячно до двадцать пятого числа", "recurring month day 25")]
    [InlineData("каждый месяц до 31 числа", "recurring month day 31")]
    // The day in the period after the one reported on.
    [InlineData("ежемесячно до 5 числа месяца, следующего за отчетным", "recurring month day 5 following")]
    [InlineData("ежеквартально, до 10 числа месяца, следующего за отчётным кварталом", "recurring quarter day 10 following")]
    [InlineData("ежеквартально,\nдо 10 числа месяца,\nследующего за отчётным\nкварталом", "recurring quarter day 10 following")]
    [InlineData("Ежеквартально в срок до десятого числа месяца, следующего за отчетным периодом", "recurring quarter day 10 following")]
    [InlineData("по итогам квартала, не позднее 15 числа", "recurring quarter day 15 following")]
    [InlineData("ежекв. до 10 числа", "recurring quarter day 10 following")] // a quarter has three 10ths: the month after it, as before
    [InlineData("ежеквартально до 25 числа последнего месяца квартала", "recurring quarter day 25")]
    [InlineData("1 раз в полугодие, до 15 числа месяца, следующего за отчетным полугодием", "recurring half-year day 15 following")]
    // Floors, with or without «по мере необходимости».
    [InlineData("не реже одного раза в полугодие, по мере необходимости", "recurring half-year at-least")]
    [InlineData("по мере необходимости, но не реже 1 раза в квартал", "recurring quarter at-least")]
    [InlineData("не реже 1 раза в полгода", "recurring half-year at-least")]
    [InlineData("не реже раза в месяц", "recurring month at-least")]
    [InlineData("не менее одного раза в кв.", "recurring quarter at-least")]
    [InlineData("не реже двух раз в год", "recurring half-year at-least")]
    [InlineData("не реже 2-х раз в год", "recurring half-year at-least")]
    [InlineData("не реже одного раза в год", "recurring year at-least")]
    [InlineData("по мере необходимости, не реже 1 раза в месяц до 5 числа", "recurring month day 5 at-least")]
    [InlineData("дважды в год", "recurring half-year")]
    // A day no period can place is not guessed.
    [InlineData("еженедельно до 5 числа", "unknown")]
    [InlineData("ежемесячно до 40 числа", "unknown")]
    [InlineData("ежеквартально до 10 числа второго месяца квартала", "unknown")]
    public void Due_days_following_periods_and_floors_are_read_in_every_spelling(string text, string expected) =>
        Assert.Equal(expected, Describe(RussianDeadlineParser.Parse(text, 2020)));

    [Theory]
    // Lists of months, quarters, half-years, dates and ranges: each part its own window, as it would read alone.
    [InlineData("март, июнь, сентябрь, декабрь", "series 2020-03-01..2020-03-31, 2020-06-01..2020-06-30, 2020-09-01..2020-09-30, 2020-12-01..2020-12-31")]
    [InlineData("март, июнь и сентябрь", "series 2020-03-01..2020-03-31, 2020-06-01..2020-06-30, 2020-09-01..2020-09-30")]
    [InlineData("май и октябрь", "series 2020-05-01..2020-05-31, 2020-10-01..2020-10-31")]
    [InlineData("в мае и в октябре", "series 2020-05-01..2020-05-31, 2020-10-01..2020-10-31")]
    [InlineData("МАЙ; ОКТЯБРЬ", "series 2020-05-01..2020-05-31, 2020-10-01..2020-10-31")]
    [InlineData("март\nиюнь\nсентябрь", "series 2020-03-01..2020-03-31, 2020-06-01..2020-06-30, 2020-09-01..2020-09-30")]
    [InlineData("март,\nиюнь", "series 2020-03-01..2020-03-31, 2020-06-01..2020-06-30")]
    [InlineData("I и III кварталы", "series 2020-01-01..2020-03-31, 2020-07-01..2020-09-30")]
    [InlineData("1 и 3 кв.", "series 2020-01-01..2020-03-31, 2020-07-01..2020-09-30")]
    [InlineData("I, III квартал", "series 2020-01-01..2020-03-31, 2020-07-01..2020-09-30")]
    [InlineData("І кв., ІІІ кв.", "series 2020-01-01..2020-03-31, 2020-07-01..2020-09-30")]
    [InlineData("II квартал\nIV квартал", "series 2020-04-01..2020-06-30, 2020-10-01..2020-12-31")]
    [InlineData("I и II полугодие", "series 2020-01-01..2020-06-30, 2020-07-01..2020-12-31")]
    [InlineData("15.03, 15.06, 15.09", "series 2020-03-15..2020-03-15, 2020-06-15..2020-06-15, 2020-09-15..2020-09-15")]
    [InlineData("до 15.03, до 15.06", "series 2020-03-15..2020-03-15, 2020-06-15..2020-06-15")]
    [InlineData("не позднее 10 апреля, 10 июля и 10 октября", "series 2020-04-10..2020-04-10, 2020-07-10..2020-07-10, 2020-10-10..2020-10-10")]
    [InlineData("15 и 30 марта", "series 2020-03-15..2020-03-15, 2020-03-30..2020-03-30")]
    [InlineData("до конца марта и сентября", "series 2020-03-31..2020-03-31, 2020-09-30..2020-09-30")]
    [InlineData("январь – март, июль — сентябрь", "series 2020-01-01..2020-03-31, 2020-07-01..2020-09-30")]
    [InlineData("с 1 по 15 марта; с 1 по 15 сентября", "series 2020-03-01..2020-03-15, 2020-09-01..2020-09-15")]
    [InlineData("ежегодно: май, ноябрь", "series 2020-05-01..2020-05-31, 2020-11-01..2020-11-30")]
    // A year written once holds for the whole list; a year of its own wins.
    [InlineData("март, июнь 2021 г.", "series 2021-03-01..2021-03-31, 2021-06-01..2021-06-30")]
    [InlineData("I и III кварталы 2021 г.", "series 2021-01-01..2021-03-31, 2021-07-01..2021-09-30")]
    [InlineData("15.03, 15.06, 15.09.2021", "series 2021-03-15..2021-03-15, 2021-06-15..2021-06-15, 2021-09-15..2021-09-15")]
    [InlineData("декабрь 2020, март 2021", "series 2020-12-01..2020-12-31, 2021-03-01..2021-03-31")]
    [InlineData("ноябрь, декабрь 2020г., январь 2021г.", "series 2020-11-01..2020-11-30, 2020-12-01..2020-12-31, 2021-01-01..2021-01-31")]
    // Overlapping or half-read lists are not guessed.
    [InlineData("март, март", "unknown")]
    [InlineData("I квартал, март", "unknown")]
    [InlineData("март, когда-нибудь", "unknown")]
    public void Lists_become_series_of_windows(string text, string expected) =>
        Assert.Equal(expected, Describe(RussianDeadlineParser.Parse(text, 2020)));

    [Theory]
    // Abbreviations in every spelling, glued to a number or a year; Latin or Cyrillic І, Roman or Arabic numbers.
    [InlineData("II кв. 2020г.", "window 2020-04-01..2020-06-30")]
    [InlineData("IIкв.", "window 2020-04-01..2020-06-30")]
    [InlineData("2кв", "window 2020-04-01..2020-06-30")]
    [InlineData("ІІ кв.2021", "window 2021-04-01..2021-06-30")]
    [InlineData("1-й кв-л", "window 2020-01-01..2020-03-31")]
    [InlineData("в 3 кварт.", "window 2020-07-01..2020-09-30")]
    [InlineData("I полуг.", "window 2020-01-01..2020-06-30")]
    [InlineData("2 полуг. 2021 г.", "window 2021-07-01..2021-12-31")]
    [InlineData("1-е полугод.", "window 2020-01-01..2020-06-30")]
    [InlineData("2021г.", "window 2021-01-01..2021-12-31")]
    [InlineData("2020-2021гг.", "window 2020-01-01..2021-12-31")]
    [InlineData("в течение 2021 гг.", "window 2021-01-01..2021-12-31")]
    [InlineData("I – II кв.", "window 2020-01-01..2020-06-30")]
    public void Abbreviations_are_read_in_every_spelling(string text, string expected) =>
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
