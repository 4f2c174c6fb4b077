using System.Text;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Tests.Fuzz;

/// <summary>
/// RussianDeadlineParser.Parse promises to be total: any text (null too) and any plan year 1900–2200 give a
/// deadline, never an exception, and the deadline keeps the text verbatim. A deadline with dates has real ones,
/// the start not after the end, within a year of the years the parser reads (1900–2200).
/// </summary>
public sealed class DeadlineParserFuzzTests
{
    private const int Seed = 20_200_101;
    private const int WordMixes = 30_000;
    private const int RandomTexts = 10_000;

    private static readonly string[] MonthStems =
        ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

    private static readonly string[] MonthEndings = ["ь", "я", "ю", "е", "ем", "ём", "й", "а", "у", "ом"];

    private static readonly string[] Words =
    [
        "квартал", "квартала", "кварталы", "кв.", "кв", "I", "II", "III", "IV", "V", "І", "ІІ", "ⅰ", "1-й", "2-го", "4-й", "5-й",
        "полугодие", "полугодия", "первое", "второе", "третье", "первом", "четвертый", "пятый", "декада", "декады",
        "до", "по", "с", "со", "в", "во", "к", "ко", "и", "на", "в течение", "на протяжении", "не позднее", "до конца", "к концу",
        "дней", "дня", "день", "суток", "недели", "недель", "месяца", "месяцев", "рабочих", "календарных", "со дня", "с даты",
        "с момента", "после", "по итогам", "поступления", "информации о результатах", "НОКО", "ежегодно", "ежемесячно",
        "ежеквартально", "еженедельно", "ежеполугодно", "раз в", "раза в", "1 раз в", "2 раза в год", "дважды в год", "каждый",
        "год", "года", "году", "г.", "гг.", "учебный год", "уч. г.", "текущего года", "постоянно", "регулярно", "по мере необходимости",
        "согласно графику", "числа", "до 5 числа", "10-го числа", "следующего за отчетным", "срок:", "сроки исполнения:",
        "десяти", "двух", "трех", "пятнадцати", "одного", "10-дневный срок", "месячный срок", "сразу", "нет", "б/с",
        "2020", "2021", "1999", "2199", "2200", "2201", "1899", "0000", "20", "21", "99", "0", "00", "1", "15", "31", "32",
        "99999999999999999999", "-2147483648", "2147483647", "4294967296",
        "31.02", "29.02", "29.02.2021", "29.02.2020", "15.05.2021", "15.05.21", "15/05/2021", "99.99.9999", "00.00.0000",
        "1.04.2018-20.04.2018", "01.01.1900", "31.12.2200", "2020-2021", "2020/2021", "2019-20 уч.г.", "2020-2035",
        ",", ";", ":", ".", "..", "(", ")", "«", "»", "\"", "/", "\\", "-", "–", "—", "‑", "−", " - ", "+", "%", "№",
        "\n", "\r\n", "\t", "\0", "\u00A0", "\u200B", "\uFEFF", "😀", "👍🏽", "\uD800", "<b>", "&amp;", "ё", "Ё",
    ];

    private static readonly string[] Joints = [" ", " ", " ", "", "\n", "-", " - ", ", ", "\t", "  ", " – "];

    private static string WordMix(Random random)
    {
        var b = new StringBuilder();
        var count = random.Next(1, 9);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) b.Append(random.Pick(Joints));
            b.Append(random.Next(8) switch
            {
                0 or 1 => Month(random),
                2 => random.Next(100).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                3 => random.Pick(Fuzzer.ForeignDigits),
                _ => random.Pick(Words),
            });
        }
        var text = b.ToString();
        return random.Next(20) switch
        {
            0 => text.ToUpperInvariant(),
            1 => text + new string(' ', random.Next(1, 5)) + ".",
            2 => new string('x', random.Next(490, 520)) + text, // around the parser's length limit
            _ => text,
        };
    }

    private static string Month(Random random)
    {
        var month = random.Next(4) == 0
            ? random.Pick(["янв", "янв.", "февр", "фев.", "мар", "апр.", "авг", "сен", "сент.", "окт", "нояб.", "дек"])
            : random.Pick(MonthStems) + random.Pick(MonthEndings);
        return random.Next(3) == 0 ? char.ToUpperInvariant(month[0]) + month[1..] : month;
    }

    private static void Check(string? text, int planYear)
    {
        var deadline = RussianDeadlineParser.Parse(text, planYear);

        Assert.Equal(text ?? "", deadline.Text);
        switch (deadline)
        {
            case WindowDeadline w:
                Assert.True(w.Start <= w.End, $"window {w.Start:O}..{w.End:O} ends before it starts");
                AssertSaneYear(w.Start);
                AssertSaneYear(w.End);
                break;
            case DateDeadline d:
                AssertSaneYear(d.Date);
                break;
            case RecurringDeadline r:
                Assert.True(r.Day is null or (>= 1 and <= 31), $"due day {r.Day}");
                break;
            case SeriesDeadline s:
                Assert.True(s.Windows.Count >= 2, "a series of one");
                Assert.All(s.Windows, w => Assert.True(w.Start <= w.End, $"window {w.Start:O}..{w.End:O} ends before it starts"));
                Assert.All(s.Windows.Zip(s.Windows.Skip(1)), p => Assert.True(p.First.End < p.Second.Start, "windows out of order or overlapping"));
                Assert.All(s.Windows, w => AssertSaneYear(w.Start));
                Assert.All(s.Windows, w => AssertSaneYear(w.End));
                break;
            case RelativeDeadline r:
                Assert.True(r.Amount >= 0, $"amount {r.Amount}");
                Assert.NotNull(r.Anchor);
                break;
        }
    }

    private static void AssertSaneYear(DateOnly date) => Assert.InRange(date.Year, 1899, 2201);

    /// <summary>Found by the fuzz (case seed 20208960): a regex's \d took «２», int.Parse threw.</summary>
    [Fact]
    public void A_year_typed_in_full_width_or_other_script_digits_is_read_not_a_crash()
    {
        Assert.Equal(new WindowDeadline("март 20２０ г.", new(2020, 3, 1), new(2020, 3, 31)), RussianDeadlineParser.Parse("март 20２０ г.", 2019));
        Assert.Equal(new DateDeadline("до ١٥.05.2021", new(2021, 5, 15)), RussianDeadlineParser.Parse("до ١٥.05.2021", 2019));
    }

    [Fact]
    public void Any_mix_of_deadline_words_parses_without_throwing_and_keeps_its_text() =>
        Fuzzer.Run(Seed, WordMixes,
            random => (Text: random.Next(500) == 0 ? null : WordMix(random), Year: random.Next(8) == 0 ? random.Next(1900, 2201) : random.Next(2015, 2031)),
            input => $"Parse({Fuzzer.Show(input.Text)}, {input.Year})",
            input => Check(input.Text, input.Year));

    [Fact]
    public void Any_unicode_text_parses_without_throwing_and_keeps_its_text() =>
        Fuzzer.Run(Seed + WordMixes, RandomTexts,
            random => (Text: Fuzzer.RandomUnicode(random, random.Next(10) == 0 ? 600 : 40), Year: random.Next(1900, 2201)),
            input => $"Parse({Fuzzer.Show(input.Text)}, {input.Year})",
            input => Check(input.Text, input.Year));
}
