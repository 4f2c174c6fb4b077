using NokoBot.Domain.Deadlines;
using NokoBot.Texts;

namespace NokoBot.Tests.Texts;

public sealed class DeadlineTextsTests
{
    [Theory]
    [InlineData("ежемесячно до 5 числа", "ежемесячно, до 5-го числа")]
    [InlineData("ежеквартально, до 10 числа месяца, следующего за отчётным кварталом", "ежеквартально, до 10-го числа следующего месяца")]
    [InlineData("ежеквартально до 25 числа последнего месяца квартала", "ежеквартально, до 25-го числа последнего месяца")]
    [InlineData("не реже одного раза в полугодие", "не реже раза в полугодие")]
    [InlineData("ежеквартально", "ежеквартально")]
    [InlineData("май и октябрь", "с 01.05.2020 по 31.05.2020; с 01.10.2020 по 31.10.2020")]
    [InlineData("до 15.03, до 15.06", "до 15.03.2020; до 15.06.2020")]
    public void A_deadline_reads_to_a_person_as_it_was_understood(string text, string expected) =>
        Assert.Equal(expected, DeadlineTexts.Describe(RussianDeadlineParser.Parse(text, 2020)));

    [Fact]
    public void A_series_is_named_as_several_deadlines() =>
        Assert.Equal("несколько сроков", DeadlineTexts.KindName(DeadlineKind.Series));
}
