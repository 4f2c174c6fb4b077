using System.Text;
using NokoBot.Domain.Commands;

namespace NokoBot.Tests.Fuzz;

/// <summary>
/// ChatCommandParser.Parse never throws: text that is not a command gives null, an unknown name
/// <see cref="ChatCommand.Unknown"/>, bad arguments <see cref="ChatCommand.Invalid"/> with a usage line.
/// ChatDateParser never throws either, and a date it reads is real: «+N» is 0–3660 days from today, any
/// other date lies in the years 2000–2100.
/// </summary>
public sealed class ChatCommandFuzzTests
{
    private const int Seed = 20_200_623;
    private const int CommandTexts = 25_000;
    private const int DateTexts = 15_000; // each read by TryParse, TryParseLeading and TryParseTrailing

    private static readonly string[] Names =
    [
        "/done", "/postpone", "/meeting", "/event", "/setdue", "/start", "/protocol", "/item", "/help", "/plan", "/invite",
        "/my", "/members", "/email", "/EMAIL", "/DONE", "/PostPone", "/frobnicate", "/", "//done", "done", "/до", "/done_", "/_", "/done1",
    ];

    private static readonly string[] BotNames = ["", "", "", "@noko_bot", "@NokoBot", "@", "@bad-name", "@@noko_bot", "@" + new string('x', 65)];

    private static readonly string[] Numbers =
        ["4", "4.", "4.1", "4.1.", "2.3.1", "п. 4", "п.4", "П. 4", "п4", "4)", "-1", "0", "004", "999", "1000", "99999999999", "1.2.3.4.5", "1..2", "٣", "١.٢"];

    private static readonly string[] Times = ["15:00", "9:05", "09:05", "0:00", "23:59", "24:00", "25:99", "99:99", "1:5", "15.00", "١٥:٠٠"];

    private static readonly string[] Words =
    [
        "ждём оператора", "готово, протокол у секретаря", "Зал заседаний", "поступление результатов НОКО", "Комитет по образованию",
        "<b>жирный</b>", "<script>alert(1)</script>", "&amp; &lt;", "<a href=\"x\">", "😀", "\n", "\0", "\u200B", "ё", "завтра", "abc_DEF-123", "ivanova@school5.ru", "a@b", "@", "x@", "123456", "Иванова <i@x.ru>",
    ];

    private static readonly string[] Joints = [" ", " ", "  ", "\n", "\t", "", " \u00A0"];

    private static readonly string[] MonthWords =
    [
        "января", "январь", "янв", "янв.", "февраля", "марта", "мар", "апреля", "мая", "май", "июня", "июля", "ИЮЛЯ", "августа",
        "сентября", "сент.", "октября", "ноября", "декабря", "дек", "мартобря", "июлю", "xyz",
    ];

    private static readonly string[] Days = ["1", "01", "15", "28", "29", "30", "31", "32", "0", "00", "99", "999", "٣", "１５", "-1"];

    private static readonly string[] Years =
        ["2020", "20", "99", "00", "2000", "2100", "1999", "2101", "9999", "0000", "99999999999", "２０２０", "202"];

    private static readonly string[] Pluses = ["+0", "+7", "+3660", "+3661", "+9999", "+99999", "+99999999999", "-5", "+", "++7", "+٣", "+ 7"];

    /// <summary>A date as members might type it, or something like one: «15.07», «15.07.2020», «15 июля 2020», «+7».</summary>
    private static string DateLike(Random random) => random.Next(6) switch
    {
        0 => random.Pick(Pluses),
        1 => random.Next(1, 40).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "." + random.Next(0, 15).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            + (random.Next(2) == 0 ? "" : "." + random.Pick(Years)),
        2 => random.Pick(Days) + random.Pick([".", ". ", "/", "-", " ", ""]) + random.Pick(MonthWords) + (random.Next(2) == 0 ? "" : " " + random.Pick(Years)),
        3 => random.Pick(Days) + "." + random.Pick(Days) + (random.Next(2) == 0 ? "" : "." + random.Pick(Years)),
        4 => random.Pick(["31.02", "29.02", "29.02.2021", "29.02.2024", "99.99.9999", "15.13", "0.0", "15.07.1999", "15.07.2101", "31.12.2100", "1.1.2000"]),
        _ => Fuzzer.RandomUnicode(random, 12),
    };

    private static string CommandText(Random random)
    {
        if (random.Next(10) == 0) return Fuzzer.RandomUnicode(random, 80);
        var b = new StringBuilder();
        if (random.Next(10) == 0) b.Append(random.Pick([" ", "\n", "\t", "x"]));
        b.Append(random.Pick(Names)).Append(random.Pick(BotNames));
        var count = random.Next(5);
        for (var i = 0; i < count; i++)
        {
            b.Append(random.Pick(Joints));
            b.Append(random.Next(10) switch
            {
                0 or 1 or 2 => random.Pick(Numbers),
                3 or 4 or 5 => DateLike(random),
                6 => random.Pick(Times),
                7 => Fuzzer.RandomUnicode(random, 20),
                _ => random.Pick(Words),
            });
        }
        return b.ToString();
    }

    private static DateOnly RandomToday(Random random) => DateOnly.FromDayNumber(new DateOnly(2000, 1, 1).DayNumber + random.Next(36_500));

    /// <summary>What ChatDateParser promises of a date it read.</summary>
    private static void AssertPromisedDate(DateOnly date, DateOnly today) =>
        Assert.True((date >= today && date <= today.AddDays(3660)) || date.Year is >= 2000 and <= 2100,
            $"date {date:O} is neither 0–3660 days from {today:O} nor in 2000–2100");

    private static readonly string[] UsageLines =
    [
        ChatCommandParser.Usage.Item, ChatCommandParser.Usage.Done, ChatCommandParser.Usage.Postpone, ChatCommandParser.Usage.Protocol,
        ChatCommandParser.Usage.Invite, ChatCommandParser.Usage.Event, ChatCommandParser.Usage.SetDue, ChatCommandParser.Usage.Plan,
        ChatCommandParser.Usage.Meeting, ChatCommandParser.Usage.Email,
    ];

    private static void AssertItemNumber(string number) =>
        Assert.True(number.Length > 0 && !number.EndsWith('.'), $"item number «{number}»");

    private static void CheckCommand(string? text, DateOnly today)
    {
        var command = ChatCommandParser.Parse(text, today);

        if (text is null || !text.TrimStart().StartsWith('/')) Assert.Null(command);
        switch (command)
        {
            case ChatCommand.Start s:
                Assert.True(s.Code is null || (s.Code.Length > 0 && !s.Code.Contains(' ', StringComparison.Ordinal)), $"start code «{s.Code}»");
                break;
            case ChatCommand.Plan p:
                Assert.InRange(p.Page, 1, 1000);
                break;
            case ChatCommand.Item i:
                AssertItemNumber(i.Number);
                break;
            case ChatCommand.Done d:
                AssertItemNumber(d.Number);
                Assert.True(d.Comment is null || d.Comment.Length > 0);
                break;
            case ChatCommand.Protocol p:
                AssertItemNumber(p.Number);
                break;
            case ChatCommand.Postpone p:
                AssertItemNumber(p.Number);
                AssertPromisedDate(p.To, today);
                break;
            case ChatCommand.SetDue s:
                AssertItemNumber(s.Number);
                AssertPromisedDate(s.Due, today);
                break;
            case ChatCommand.RecordEvent e:
                Assert.True(e.Name.Length > 0, "event without a name");
                AssertPromisedDate(e.On, today);
                break;
            case ChatCommand.ScheduleMeeting m:
                AssertPromisedDate(m.Day, today);
                Assert.True(m.Place.Length > 0, "meeting without a place");
                break;
            case ChatCommand.Invite i:
                Assert.True(i.Party.Length > 0, "invite without a party");
                Assert.True(i.Address is null || (i.Address.Contains('@', StringComparison.Ordinal) && !i.Address.Any(char.IsWhiteSpace)), $"invite address «{i.Address}»");
                break;
            case ChatCommand.Email e:
                Assert.True((e.Address is null) != (e.Code is null), "an address or a code, not both");
                Assert.True(e.Code is null || (e.Code.Length == 6 && e.Code.All(char.IsAsciiDigit)), $"code «{e.Code}»");
                Assert.True(e.Address is null || (e.Address.Contains('@', StringComparison.Ordinal) && !e.Address.Any(char.IsWhiteSpace)), $"address «{e.Address}»");
                break;
            case ChatCommand.Invalid i:
                Assert.Contains(i.Usage, UsageLines);
                break;
            case ChatCommand.Unknown u:
                Assert.True(u.Name.Length > 0, "unknown command without a name");
                break;
        }
    }

    private static void CheckDate(string text, DateOnly today)
    {
        if (ChatDateParser.TryParse(text, today, out var date)) AssertPromisedDate(date, today);
        if (ChatDateParser.TryParseLeading(text, today, out var leading, out var afterDate))
        {
            AssertPromisedDate(leading, today);
            Assert.True(text.Contains(afterDate, StringComparison.Ordinal) && afterDate == afterDate.Trim(), $"rest «{afterDate}»");
        }
        if (ChatDateParser.TryParseTrailing(text, today, out var trailing, out var beforeDate))
        {
            AssertPromisedDate(trailing, today);
            Assert.True(text.Contains(beforeDate, StringComparison.Ordinal) && beforeDate == beforeDate.Trim(), $"rest «{beforeDate}»");
        }
    }

    /// <summary>Found by the fuzz: a regex's \d took «١», int.Parse threw.</summary>
    [Fact]
    public void A_date_typed_in_other_script_digits_is_read_not_a_crash()
    {
        var today = new DateOnly(2020, 6, 23);

        Assert.True(ChatDateParser.TryParse("١٥.٠٧", today, out var date));
        Assert.Equal(new DateOnly(2020, 7, 15), date);
        Assert.Equal(new ChatCommand.Postpone("8", new DateOnly(2020, 7, 15), "ждём"), ChatCommandParser.Parse("/postpone 8 １５ июля ждём", today));
    }

    [Fact]
    public void Any_chat_message_parses_without_throwing_into_a_command_or_nothing() =>
        Fuzzer.Run(Seed, CommandTexts,
            random => (Text: random.Next(1000) == 0 ? null : CommandText(random), Today: RandomToday(random)),
            input => $"Parse({Fuzzer.Show(input.Text)}, {input.Today:O})",
            input => CheckCommand(input.Text, input.Today));

    [Fact]
    public void Any_typed_date_is_read_as_a_real_date_in_range_or_refused_without_throwing() =>
        Fuzzer.Run(Seed + CommandTexts, DateTexts,
            random => (Text: random.Next(3) switch
            {
                0 => DateLike(random),
                1 => DateLike(random) + random.Pick(Joints) + random.Pick(Words),
                _ => random.Pick(Words) + random.Pick(Joints) + DateLike(random),
            }, Today: RandomToday(random)),
            input => $"TryParse*({Fuzzer.Show(input.Text)}, {input.Today:O})",
            input => CheckDate(input.Text, input.Today));
}
