using NokoBot.Domain.Plans;

namespace NokoBot.Tests.Domain.Plans;

/// <summary>Every non-empty row of a plan's table is an item, a section, the header, or a warning that quotes it.</summary>
public sealed class NothingSilentlyLostTests
{
    private static PlanImport Import(params string[][] rows) =>
        PlanTableInterpreter.Interpret(new PlanTable([.. rows.Select(r => (IReadOnlyList<string>)r)]), 2020);

    [Fact]
    public void A_section_row_at_the_end_of_the_table_is_quoted_in_a_warning()
    {
        var plan = Import(
            ["№", "Наименование мероприятия", "Сроки", "Ответственные"],
            ["1.", "Утверждение плана работы", "январь", "Общественный совет"],
            ["II. Обсуждение результатов оценки"]);

        Assert.Single(plan.Items);
        Assert.Contains("Строка «II. Обсуждение результатов оценки» прочитана как заголовок раздела, но пунктов под ней нет.", plan.Warnings);
    }

    [Fact]
    public void Of_two_section_rows_in_a_row_the_first_is_quoted_in_a_warning_and_the_second_names_the_items()
    {
        var plan = Import(
            ["№", "Наименование мероприятия", "Сроки", "Ответственные"],
            ["I. Организационная работа"],
            ["Заседания совета"],
            ["1.", "Утверждение плана работы", "январь", "Общественный совет"]);

        Assert.Equal("Заседания совета", plan.Items.Single().Section);
        Assert.Contains("Строка «I. Организационная работа» прочитана как заголовок раздела, но пунктов под ней нет.", plan.Warnings);
    }

    [Theory]
    [InlineData("", "Строка «Вводная часть без номера | январь» не похожа на пункт плана (нет номера) и пропущена.")]
    [InlineData("*", "Строка «* | Вводная часть без номера | январь» не похожа на пункт плана (нет номера) и пропущена.")]
    public void A_row_that_is_not_an_item_is_quoted_in_a_warning(string number, string warning)
    {
        var plan = Import(
            ["№", "Наименование мероприятия", "Сроки", "Ответственные"],
            [number, "Вводная часть без номера", "январь", ""],
            ["1.", "Утверждение плана работы", "январь", "Общественный совет"]);

        Assert.Equal("1", plan.Items.Single().Number);
        Assert.Contains(warning, plan.Warnings);
    }

    [Fact]
    public void Sections_with_items_and_items_raise_no_warning_about_rows()
    {
        var plan = Import(
            ["№", "Наименование мероприятия", "Сроки", "Ответственные"],
            ["I. Организационная работа"],
            ["1.", "Утверждение плана работы", "январь", "Общественный совет"],
            ["II. Оценка"],
            ["2.", "Обсуждение итогов", "ноябрь", "Общественный совет"]);

        Assert.Equal(["I. Организационная работа", "II. Оценка"], plan.Items.Select(i => i.Section));
        Assert.Empty(plan.Warnings);
    }
}
