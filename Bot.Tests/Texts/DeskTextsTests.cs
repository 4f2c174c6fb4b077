using NokoBot.Texts;

namespace NokoBot.Tests.Texts;

public sealed class DeskTextsTests
{
    [Theory]
    [InlineData(1, "1 повторяющийся или постоянный пункт перейдёт со сроками")]
    [InlineData(3, "3 повторяющихся или постоянных пункта перейдут со сроками")]
    [InlineData(11, "11 повторяющихся или постоянных пунктов перейдут со сроками")]
    [InlineData(21, "21 повторяющийся или постоянный пункт перейдёт со сроками")]
    public void The_december_offer_agrees_with_the_number_of_items_carried(int carried, string expected)
    {
        var text = DeskTexts.RolloverOffer(2021, "Общественный совет", carried, 7).Plain;

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("а 7 невыполненных пунктов вы сами оставите или уберёте", text, StringComparison.Ordinal);
    }
}
