using NokoBot.Domain.Deadlines;

namespace NokoBot.Tests.Domain.Deadlines;

public sealed class AnchorMatcherTests
{
    [Theory]
    [InlineData("поступления информации о результатах НОКО", "поступление результатов НОКО", true)]
    [InlineData("поступления информации о результатах НОКО", "Получение результатов НОКО", true)]
    [InlineData("рассмотрения результатов НОКО", "поступление результатов НОКО", false)]
    [InlineData("поступления информации о результатах НОКО", "заседание совета", false)]
    [InlineData("поступления информации о результатах НОКО", "", false)]
    public void An_event_dates_the_relative_deadlines_that_wait_for_it(string anchor, string eventName, bool matches) =>
        Assert.Equal(matches, AnchorMatcher.EventMatches(anchor, eventName));

    [Fact]
    public void The_desnogorsk_item_9_hangs_on_item_8_that_reviews_the_results()
    {
        var earlier = new[]
        {
            ("6", "Проведение НОКО"),
            ("7", "Подготовка рекомендаций для принятия решения по результатам НОКО на муниципальном уровне и уровне ОО"),
            ("8", "Обсуждение результатов НОКО на заседании Общественного совета"),
        };

        Assert.Equal("8", AnchorMatcher.LinkedItem("рассмотрения результатов НОКО", earlier));
        Assert.Null(AnchorMatcher.LinkedItem("поступления информации о результатах НОКО", earlier));
    }
}
