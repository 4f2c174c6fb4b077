using NokoBot.Simulation;

namespace NokoBot.Tests.Simulation;

public sealed class RepliesScriptTests
{
    [Fact]
    public void A_script_reads_every_action_in_time_order_with_noon_as_the_default_time()
    {
        var actions = RepliesScript.Parse(
        [
            "# ответы членов совета",
            "2020-06-25 postpone 4 2020-07-15 ждём оператора",
            "",
            "2020-03-20 done 1",
            "2020-03-20 09:30 done 1 \"Комитет по образованию\"",
            "2020-09-14 event поступление результатов НОКО",
            "2020-02-03 setdue 2 2020-03-16",
            "2020-06-15 meeting 15:00 \"Зал заседаний\"",
        ]);

        Assert.Collection(actions,
            a => Assert.Equal(new ScriptAction.SetDue(new DateTime(2020, 2, 3, 12, 0, 0), 7, "2", new DateOnly(2020, 3, 16)), a),
            a => Assert.Equal(new ScriptAction.Done(new DateTime(2020, 3, 20, 9, 30, 0), 5, "1", "Комитет по образованию"), a),
            a => Assert.Equal(new ScriptAction.Done(new DateTime(2020, 3, 20, 12, 0, 0), 4, "1", null), a),
            a => Assert.Equal(new ScriptAction.Meeting(new DateTime(2020, 6, 15, 12, 0, 0), 8, new TimeOnly(15, 0), "Зал заседаний"), a),
            a => Assert.Equal(new ScriptAction.Postpone(new DateTime(2020, 6, 25, 12, 0, 0), 2, "4", new DateOnly(2020, 7, 15), "ждём оператора"), a),
            a => Assert.Equal(new ScriptAction.RecordEvent(new DateTime(2020, 9, 14, 12, 0, 0), 6, "поступление результатов НОКО"), a));
    }

    [Theory]
    [InlineData("2020-13-01 done 1", "строка 1: неверная дата")]
    [InlineData("2020-03-01 finish 1", "неизвестное действие «finish»")]
    [InlineData("2020-03-01 postpone 4 15.07", "неверная дата «15.07»")]
    [InlineData("завтра done 1", "ожидается «ГГГГ-ММ-ДД")]
    public void A_bad_line_is_refused_with_its_number_and_what_is_wrong(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => RepliesScript.Parse([line]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
