using FsCheck;
using FsCheck.Fluent;
using NokoBot.Domain.Commands;

namespace NokoBot.Tests.Domain.Commands;

public sealed class ChatCommandParserTests
{
    private static readonly DateOnly Today = new(2020, 6, 23);

    private static ChatCommand? Parse(string text) => ChatCommandParser.Parse(text, Today);

    [Fact]
    public void Commands_with_their_arguments_become_typed_commands()
    {
        Assert.Equal(new ChatCommand.Done("4", "готово, протокол у секретаря"), Parse("/done 4 готово, протокол у секретаря"));
        Assert.Equal(new ChatCommand.Done("2.1", null), Parse("/done@noko_test_bot 2.1"));
        Assert.Equal(new ChatCommand.Done("4", null), Parse("/DONE п. 4."));
        Assert.Equal(new ChatCommand.Postpone("8", new DateOnly(2020, 7, 15), "ждём оператора"), Parse("/postpone 8 15.07 ждём оператора"));
        Assert.Equal(new ChatCommand.Item("4"), Parse("/item 4"));
        Assert.Equal(new ChatCommand.Plan(2), Parse("/plan 2"));
        Assert.Equal(new ChatCommand.Start("abc_DEF-123"), Parse("/start abc_DEF-123"));
        Assert.Equal(new ChatCommand.Start(null), Parse("/start"));
        Assert.Equal(new ChatCommand.RecordEvent("поступление результатов НОКО", new DateOnly(2020, 9, 14)), Parse("/event поступление результатов НОКО 14.09"));
        Assert.Equal(new ChatCommand.SetDue("2", new DateOnly(2020, 3, 16)), Parse("/setdue 2 16 марта"));
        Assert.Equal(new ChatCommand.ScheduleMeeting(new DateOnly(2020, 6, 26), new TimeOnly(15, 0), "Зал заседаний"), Parse("/meeting 26.06 15:00 Зал заседаний"));
        Assert.Equal(new ChatCommand.Invite("Комитет по образованию"), Parse("/invite Комитет по образованию"));
        Assert.Equal(new ChatCommand.Invite("Комитет по образованию", "Ivanova@School5.ru"), Parse("/invite Комитет по образованию Ivanova@School5.ru"));
        Assert.Equal(new ChatCommand.Email("ivanova@school5.ru", null), Parse("/email ivanova@school5.ru"));
        Assert.Equal(new ChatCommand.Email(null, "042917"), Parse("/email 042917"));
        Assert.IsType<ChatCommand.My>(Parse("/my"));
        Assert.IsType<ChatCommand.Members>(Parse("/members"));
        Assert.Equal(new ChatCommand.Unknown("frobnicate"), Parse("/frobnicate 1 2"));
        Assert.Null(Parse("просто текст"));
        Assert.Null(Parse(null!));
    }

    [Theory]
    [InlineData("/email", ChatCommandParser.Usage.Email)]
    [InlineData("/email ivanova", ChatCommandParser.Usage.Email)]
    [InlineData("/email 12345", ChatCommandParser.Usage.Email)]
    [InlineData("/email a@b c@d", ChatCommandParser.Usage.Email)]
    [InlineData("/invite ivanova@school5.ru", ChatCommandParser.Usage.Invite)]
    [InlineData("/done", ChatCommandParser.Usage.Done)]
    [InlineData("/done четвёртый", ChatCommandParser.Usage.Done)]
    [InlineData("/postpone 8", ChatCommandParser.Usage.Postpone)]
    [InlineData("/postpone 8 завтра", ChatCommandParser.Usage.Postpone)]
    [InlineData("/postpone 8 31.02", ChatCommandParser.Usage.Postpone)]
    [InlineData("/item", ChatCommandParser.Usage.Item)]
    [InlineData("/item 4 5", ChatCommandParser.Usage.Item)]
    [InlineData("/setdue 2", ChatCommandParser.Usage.SetDue)]
    [InlineData("/event 14.09", ChatCommandParser.Usage.Event)]
    [InlineData("/meeting 26.06 Зал", ChatCommandParser.Usage.Meeting)]
    [InlineData("/plan ноль", ChatCommandParser.Usage.Plan)]
    public void Malformed_arguments_give_the_exact_usage_line(string text, string usage) =>
        Assert.Equal(usage, Assert.IsType<ChatCommand.Invalid>(Parse(text)).Usage);

    [Theory]
    [InlineData("15.07", "2020-07-15")]
    [InlineData("15.07.2020", "2020-07-15")]
    [InlineData("15.07.21", "2021-07-15")]
    [InlineData("15 июля", "2020-07-15")]
    [InlineData("1 сентября 2021", "2021-09-01")]
    [InlineData("+7", "2020-06-30")]
    [InlineData("+0", "2020-06-23")]
    public void Dates_are_read_as_members_type_them(string text, string expected)
    {
        Assert.True(ChatDateParser.TryParse(text, Today, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("32.07")]
    [InlineData("29.02.2021")]
    [InlineData("15 июлика")]
    [InlineData("+99999")]
    [InlineData("завтра")]
    [InlineData("")]
    public void Impossible_dates_are_refused(string text) => Assert.False(ChatDateParser.TryParse(text, Today, out _));

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Any_message_parses_without_throwing(string? text) =>
        Prop.ForAll(Gen.Elements("/done ", "/postpone ", "/meeting ", "/event ", "/setdue ", "/start ", "/").ToArbitrary(), prefix =>
        {
            ChatCommandParser.Parse(prefix + text, Today);
            ChatCommandParser.Parse(text, Today);
            return true;
        });
}
