using NokoBot.Domain.Plans;

namespace NokoBot.Tests.Domain.Plans;

public sealed class PartySplitterTests
{
    [Theory]
    [InlineData("Председа-\nтель комиссии\nКомитет по образованию", new[] { "Председатель комиссии", "Комитет по образованию" })]
    [InlineData("Члены Общественно-\n го совета", new[] { "Члены Общественного совета" })]
    [InlineData("Комитет-\nОбщественный совет", new[] { "Комитет", "Общественный совет" })]
    [InlineData("- Комитет по образованию-\n- руководители ОО", new[] { "Комитет по образованию", "руководители ОО" })]
    [InlineData("организация-оператор", new[] { "организация-оператор" })]
    [InlineData("организация-\nоператор\nКомитет по образованию", new[] { "организация-оператор", "Комитет по образованию" })]
    public void A_word_hyphenated_at_a_line_end_is_one_word_unless_a_name_or_a_list_dash_follows(string cell, string[] parties) =>
        Assert.Equal(parties, PartySplitter.Split(cell));

    [Theory]
    [InlineData("Иванова И.И.", new[] { "Иванова И.И." })]
    [InlineData("Петров П. П., С.С. Сидоров", new[] { "Петров П. П.", "С.С. Сидоров" })]
    [InlineData("Комитет по образованию.", new[] { "Комитет по образованию" })]
    public void A_persons_initials_keep_their_dots(string cell, string[] parties) =>
        Assert.Equal(parties, PartySplitter.Split(cell));
}
