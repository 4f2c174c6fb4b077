using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Domain.Plans;

/// <summary>Headers are a strong hint, not a gate: a column the header does not name is taken by what its cells hold.</summary>
public sealed class ColumnsByContentTests
{
    private static PlanImport Import(string[][] rows, Dictionary<PlanColumn, int>? columns = null) =>
        PlanTableInterpreter.Interpret(new PlanTable([.. rows.Select(r => (IReadOnlyList<string>)r)]), 2020, columns: columns);

    private static readonly string[][] Unknown =
    [
        ["№", "Время", "Тема", "Докладчик", "Примечание"],
        ["1", "март", "Обсуждение плана мероприятий по улучшению качества работы", "Начальник управления образования", ""],
        ["2", "ежеквартально", "Рассмотрение обращений граждан о качестве услуг", "Заместитель председателя совета", "по обращениям"],
        ["3", "декабрь", "Подведение итогов работы Общественного совета", "Председатель Общественного совета", "отчёт"],
    ];

    private static (PlanColumn, int, ColumnFoundBy, ContentSign?) Choice(ColumnChoice c) => (c.Role, c.Column, c.FoundBy, c.Sign);

    [Fact]
    public void Columns_whose_headers_say_nothing_are_taken_by_what_their_cells_hold()
    {
        var plan = Import(Unknown);

        Assert.Equal(
            [
                (PlanColumn.Number, 1, ColumnFoundBy.Header, null),
                (PlanColumn.Action, 3, ColumnFoundBy.Content, ContentSign.Actions),
                (PlanColumn.Responsible, 4, ColumnFoundBy.Content, ContentSign.Parties),
                (PlanColumn.Deadline, 2, ColumnFoundBy.Content, ContentSign.Deadlines),
            ],
            plan.Layout!.Columns.Select(Choice));
        Assert.Equal((3, 3), (plan.Layout.Of(PlanColumn.Deadline)!.Matching, plan.Layout.Of(PlanColumn.Deadline)!.Filled));
        Assert.Equal([5], plan.Layout.UnusedColumns);
        Assert.Equal(("март", "Начальник управления образования"), (plan.Items[0].DeadlineText, plan.Items[0].Responsible[0]));
    }

    [Fact]
    public void Speakers_named_by_surname_and_initials_are_the_responsible_column()
    {
        var plan = Import(
        [
            ["№", "Тема", "Докладчик", "Время"],
            ["1", "Обсуждение плана мероприятий по улучшению качества работы организаций", "Иванова И.И.", "март"],
            ["2", "Рассмотрение обращений граждан о качестве образовательных услуг", "Петров П. П., С.С. Сидоров-Белый", "ежеквартально"],
            ["3", "Подведение итогов работы Общественного совета за 2020 год", "Иванова И.И.", "декабрь"],
        ]);

        Assert.Equal((3, ColumnFoundBy.Content, ContentSign.Parties), (plan.Layout!.Of(PlanColumn.Responsible)!.Column, plan.Layout.Of(PlanColumn.Responsible)!.FoundBy, plan.Layout.Of(PlanColumn.Responsible)!.Sign));
        Assert.Equal(["Петров П. П.", "С.С. Сидоров-Белый"], plan.Items[1].Responsible);
        Assert.Null(plan.Layout.Of(PlanColumn.Result));
    }

    [Fact]
    public void The_seed_plans_columns_are_all_taken_by_their_headers()
    {
        var desnogorsk = PlanFileReader.Read(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), 2020).Import.Layout!;
        var zeya = PlanFileReader.Read(RepoPaths.Of("config", "plans", "zeya-2020.txt"), 2020).Import.Layout!;

        Assert.Equal([1, 2, 3, 4, 5], PlanColumnNames.All.Select(r => desnogorsk.Of(r)!.Column));
        Assert.Equal([1, 2, 5, 4, 3], PlanColumnNames.All.Select(r => zeya.Of(r)!.Column));
        Assert.All(desnogorsk.Columns.Concat(zeya.Columns), c => Assert.Equal(ColumnFoundBy.Header, c.FoundBy));
        Assert.Equal((ItemNumbering.Column, ItemNumbering.Column), (desnogorsk.Numbering, zeya.Numbering));
    }

    [Fact]
    public void A_table_without_a_header_row_is_read_by_content_alone()
    {
        var plan = Import(
        [
            ["1.", "Обсуждение плана работы Общественного совета", "Общественный совет", "январь"],
            ["2.", "Проведение независимой оценки качества условий", "организация-оператор", "июнь - август"],
        ]);

        Assert.Empty(plan.Layout!.Header);
        Assert.Equal([1, 2, 3, 4], new[] { PlanColumn.Number, PlanColumn.Action, PlanColumn.Responsible, PlanColumn.Deadline }.Select(r => plan.Layout.Of(r)!.Column));
        Assert.Equal(["1", "2"], plan.Items.Select(i => i.Number));
    }

    [Fact]
    public void The_secretarys_columns_win_over_headers_and_content()
    {
        var plan = Import(
        [
            ["№", "Мероприятие", "Сроки", "Когда на самом деле", "Ответственные"],
            ["1", "Утверждение плана", "2019", "январь", "Совет"],
        ], new() { [PlanColumn.Deadline] = 4 });

        Assert.Equal((4, ColumnFoundBy.Override), (plan.Layout!.Of(PlanColumn.Deadline)!.Column, plan.Layout.Of(PlanColumn.Deadline)!.FoundBy));
        Assert.Equal("январь", plan.Items[0].DeadlineText);
        Assert.Equal([3], plan.Layout.UnusedColumns);
    }

    [Fact]
    public void Number_0_says_the_plan_has_no_number_column()
    {
        string[][] rooms = [["Кабинет", "Мероприятие", "Срок"], ["12", "Утверждение плана", "январь"], ["14", "Обсуждение итогов", "ноябрь"]];

        var guessed = Import(rooms);
        var told = Import(rooms, new() { [PlanColumn.Number] = 0 });

        Assert.Equal(["12", "14"], guessed.Items.Select(i => i.Number));
        Assert.Equal(ItemNumbering.InOrder, told.Layout!.Numbering);
        Assert.Equal(["1", "2"], told.Items.Select(i => i.Number));
    }

    [Fact]
    public void A_column_past_the_tables_last_is_refused_with_both_numbers()
    {
        var error = Assert.Throws<PlanFormatException>(() => Import(Unknown, new() { [PlanColumn.Action] = 9 }));

        Assert.Equal("Колонки 9 в таблице плана нет: последняя колонка — 5-я.", error.Message);
    }

    [Fact]
    public void Notes_and_marks_columns_are_never_taken_for_a_role()
    {
        var plan = Import(
        [
            ["№", "Мероприятие", "Срок", "Ответственный", "Отметка о выполнении", "Примечание"],
            ["1", "Утверждение плана", "январь", "Совет", "выполнено", "см. протокол № 1"],
            ["2", "Обсуждение итогов", "ноябрь", "Совет", "выполнено", "перенесено на декабрь"],
        ]);

        Assert.Null(plan.Layout!.Of(PlanColumn.Result));
        Assert.Equal([5, 6], plan.Layout.UnusedColumns);
    }

    [Fact]
    public void The_row_of_column_numbers_under_the_header_is_part_of_the_header()
    {
        var plan = Import([["№", "Мероприятие", "Срок", "Ответственный"], ["1", "2", "3", "4"], ["1", "Утверждение плана", "январь", "Совет"]]);

        Assert.Equal(("1", "Утверждение плана"), (plan.Items.Single().Number, plan.Items[0].Title));
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_row_above_the_header_is_quoted_in_a_warning()
    {
        var plan = Import([["УТВЕРЖДАЮ: председатель совета"], ["№", "Мероприятие", "Срок", "Ответственный"], ["1", "Утверждение плана", "январь", "Совет"]]);

        Assert.Contains("Строка «УТВЕРЖДАЮ: председатель совета» стоит над заголовком таблицы и пропущена.", plan.Warnings);
    }

    [Theory]
    [InlineData("Имя\tФамилия\nИван\tПетров\nПётр\tИванов\n")]
    [InlineData("Тема\tЗаметка\n1.\tКупить бумагу для принтера и картриджи\n2.\tПозвонить в типографию насчёт бланков\n")]
    public void A_table_with_neither_deadlines_nor_parties_nor_header_words_is_not_a_plan(string text)
    {
        var error = Assert.Throws<PlanFormatException>(() => PlanTableInterpreter.Interpret(PlainTextPlanReader.Read(text), 2020));

        Assert.StartsWith("Файл не похож на план", error.Message, StringComparison.Ordinal);
    }
}
