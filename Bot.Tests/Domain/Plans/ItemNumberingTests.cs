using NokoBot.Domain.Plans;

namespace NokoBot.Tests.Domain.Plans;

public sealed class ItemNumberingTests
{
    private static PlanImport Import(params string[][] rows) =>
        PlanTableInterpreter.Interpret(new PlanTable([.. rows.Select(r => (IReadOnlyList<string>)r)]), 2020);

    [Theory]
    [InlineData("1.", "1")]
    [InlineData("1.1", "1.1")]
    [InlineData("2.3.", "2.3")]
    [InlineData("I.", "I")]
    [InlineData("IV", "IV")]
    [InlineData("1)", "1")]
    public void A_number_column_reads_every_style(string cell, string number)
    {
        var plan = Import(["№", "Мероприятие", "Срок"], [cell, "Утверждение плана", "январь"]);

        Assert.Equal((number, ItemNumbering.Column), (plan.Items.Single().Number, plan.Layout!.Numbering));
    }

    [Theory]
    [InlineData("1. Утверждение плана", "2. Обсуждение итогов", "1", "2")]
    [InlineData("1.1 Утверждение плана", "1.2. Обсуждение итогов", "1.1", "1.2")]
    [InlineData("I. Утверждение плана", "II. Обсуждение итогов", "I", "II")]
    [InlineData("1) Утверждение плана", "2) Обсуждение итогов", "1", "2")]
    public void A_number_that_opens_the_action_cell_is_the_items_number(string first, string second, string one, string two)
    {
        var plan = Import(["Мероприятие", "Срок", "Ответственный"], [first, "январь", "Совет"], [second, "ноябрь", "Совет"]);

        Assert.Equal(ItemNumbering.ActionCell, plan.Layout!.Numbering);
        Assert.Equal([(one, "Утверждение плана"), (two, "Обсуждение итогов")], plan.Items.Select(i => (i.Number, i.Title)));
    }

    [Fact]
    public void A_plain_number_without_its_dot_does_not_number_an_action()
    {
        var plan = Import(["Мероприятие", "Срок", "Ответственный"], ["1 раз в квартал заседание совета", "ежеквартально", "Совет"]);

        Assert.Equal(("1", "1 раз в квартал заседание совета", ItemNumbering.InOrder), (plan.Items[0].Number, plan.Items[0].Title, plan.Layout!.Numbering));
    }

    [Fact]
    public void Items_without_numbers_are_numbered_in_order_and_the_secretary_is_told()
    {
        var plan = Import(
            ["Мероприятие", "Срок", "Ответственный"],
            ["Организационная работа", "", ""],
            ["Утверждение плана", "январь", "Совет"],
            ["Обсуждение итогов", "ноябрь", "Совет"]);

        Assert.Equal([("1", "Организационная работа"), ("2", "Организационная работа")], plan.Items.Select(i => (i.Number, i.Section)));
        Assert.Contains("Пункты плана не пронумерованы: им даны номера по порядку, с 1 по 2.", plan.Warnings);
    }

    [Fact]
    public void Sections_numbered_one_level_up_stay_sections_and_an_item_with_only_its_action_numbered_on_is_an_item()
    {
        var plan = Import(
            ["Мероприятие", "Срок", "Ответственный"],
            ["1. Организационные мероприятия", "", ""],
            ["1.1. Утверждение состава рабочей группы", "январь", "Совет"],
            ["1.2. Утверждение плана работы", "январь", "Совет"],
            ["1.3. Отчёт о работе совета", "", ""],
            ["2. Независимая оценка", "", ""],
            ["2.1 Рассмотрение отчёта оператора", "ноябрь", "Совет"]);

        Assert.Equal(
            [("1.1", "1. Организационные мероприятия"), ("1.2", "1. Организационные мероприятия"), ("1.3", "1. Организационные мероприятия"), ("2.1", "2. Независимая оценка")],
            plan.Items.Select(i => (i.Number, i.Section)));
        Assert.Equal("Отчёт о работе совета", plan.Items[2].Title);
    }

    [Fact]
    public void A_section_numbered_like_the_item_under_it_is_a_section()
    {
        var plan = Import(
            ["Мероприятие", "Срок", "Ответственный"],
            ["1. Подготовка к оценке", "", ""],
            ["1. Утверждение плана", "январь", "Совет"],
            ["2. Обсуждение итогов", "ноябрь", "Совет"]);

        Assert.Equal([("1", "1. Подготовка к оценке"), ("2", "1. Подготовка к оценке")], plan.Items.Select(i => (i.Number, i.Section)));
    }

    [Fact]
    public void A_row_without_a_number_after_a_numbered_action_goes_on_with_it()
    {
        var plan = Import(
            ["Мероприятие", "Срок", "Ответственный"],
            ["1. Утверждение плана", "январь", "Совет"],
            ["и графика заседаний", "", "Комитет по образованию"]);

        Assert.Equal("Утверждение плана и графика заседаний", plan.Items.Single().Title);
        Assert.Equal(["Совет", "Комитет по образованию"], plan.Items[0].Responsible);
    }
}
