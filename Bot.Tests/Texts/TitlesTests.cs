using NokoBot.Texts;

namespace NokoBot.Tests.Texts;

public sealed class TitlesTests
{
    [Fact]
    public void A_title_with_a_list_on_its_lines_is_one_line_where_a_short_title_goes()
    {
        const string title = "Заседание совета:\n- утверждение плана;\n- отчёт";

        Assert.Equal("Заседание совета: - утверждение плана; - отчёт", Titles.Shorten(title));
        Assert.True(Titles.IsShortened(title));
    }

    [Fact]
    public void A_short_title_on_one_line_is_left_as_it_is()
    {
        Assert.Equal("Проведение торгов", Titles.Shorten("Проведение торгов"));
        Assert.False(Titles.IsShortened("Проведение торгов"));
        Assert.True(Titles.IsShortened(new string('а', Titles.MaxLength + 1)));
    }
}
