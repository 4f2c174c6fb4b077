using NokoBot.Domain.Plans;

namespace NokoBot.Tests.Domain.Plans;

/// <summary>Word's one-cell-per-line text: every cell after a TAB, its further lines without one, a blank line after each row.</summary>
public sealed class CellPerLineTextTests
{
    private static PlanImport Import(params string[][] rows) =>
        PlanTableInterpreter.Interpret(PlainTextPlanReader.Read(Text(rows)), 2020);

    private static string Text(string[][] rows) =>
        "План работы\n\n" + string.Concat(rows.Select(row => string.Concat(row.Select(cell => "\t" + cell + "\n")) + "\n"));

    private static readonly string[] Header = ["№ п/п", "Наименование мероприятия", "Ответственные", "Сроки"];

    [Fact]
    public void Section_rows_are_kept_under_the_header_and_without_a_number()
    {
        var plan = Import(
            Header,
            ["I. Подготовка к оценке"],
            ["1.", "Утверждение плана", "Общественный совет", "январь"],
            ["Обсуждение результатов"],
            ["2.", "Обсуждение итогов", "Общественный совет", "ноябрь"]);

        Assert.Equal([("1", "I. Подготовка к оценке"), ("2", "Обсуждение результатов")], plan.Items.Select(i => (i.Number, i.Section)));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_cell_that_ends_with_a_blank_line_of_its_own_stays_in_its_row()
    {
        var plan = Import(
            Header,
            ["1.", "Утверждение плана", "Общественный совет\nКомитет по образованию\n", "январь"],
            ["2.", "Обсуждение итогов", "Общественный совет", "ноябрь"]);

        Assert.Equal("январь", plan.Items[0].DeadlineText);
        Assert.Equal(["Общественный совет", "Комитет по образованию"], plan.Items[0].Responsible);
        Assert.Equal("ноябрь", plan.Items[1].DeadlineText);
    }

    [Fact]
    public void Rows_without_numbers_are_told_apart_by_the_blank_lines()
    {
        var plan = Import(
            ["Мероприятие", "Срок", "Ответственный"],
            ["Утверждение плана работы", "январь", "Общественный совет"],
            ["Обсуждение итогов", "ноябрь", "Комитет по образованию"]);

        Assert.Equal([("1", "Утверждение плана работы", "январь"), ("2", "Обсуждение итогов", "ноябрь")], plan.Items.Select(i => (i.Number, i.Title, i.DeadlineText)));
    }

    [Fact]
    public void List_dashes_in_an_action_cell_stay_its_lines_and_a_hyphen_before_a_list_line_is_kept()
    {
        var plan = Import(
            Header,
            ["1.", "Подготовка к заседа-\nнию совета:\n- отчёт о работе-\n- утверждение плана", "Общественный совет", "январь"]);

        Assert.Equal("Подготовка к заседанию совета:\n- отчёт о работе-\n- утверждение плана", plan.Items[0].Title);
    }

    [Fact]
    public void The_organisation_operator_wrapped_at_its_own_hyphen_keeps_it()
    {
        var plan = Import(
            Header,
            ["1.", "Разработка технического задания для организации-\nоператора", "организация-\nоператор", "май"]);

        Assert.Equal("Разработка технического задания для организации-оператора", plan.Items[0].Title);
        Assert.Equal(["организация-оператор"], plan.Items[0].Responsible);
    }

    [Fact]
    public void A_responsible_name_hyphenated_across_lines_is_one_party()
    {
        var plan = Import(Header, ["1.", "Утверждение плана", "Председа-\nтель комиссии\nКомитет по образованию", "январь"]);

        Assert.Equal(["Председатель комиссии", "Комитет по образованию"], plan.Items[0].Responsible);
    }

    [Fact]
    public void Text_without_blank_lines_between_rows_is_cut_at_item_numbers()
    {
        var text = "\t№\n\tМероприятие\n\tСрок\n\tОтветственные\n\t1.\n\tУтверждение плана\n\tянварь\n\tСовет\n\t2.\n\tОбсуждение итогов\n\tноябрь\n\tСовет\n";

        var plan = PlanTableInterpreter.Interpret(PlainTextPlanReader.Read(text), 2020);

        Assert.Equal([("1", "Утверждение плана", "январь"), ("2", "Обсуждение итогов", "ноябрь")], plan.Items.Select(i => (i.Number, i.Title, i.DeadlineText)));
    }
}
