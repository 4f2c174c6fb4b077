using FsCheck;
using FsCheck.Fluent;
using NokoBot.Domain.Plans;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Domain.Plans;

public sealed class PlanTextEdgeCaseTests
{
    private static PlanImport Import(string text) => PlanTableInterpreter.Interpret(PlainTextPlanReader.Read(text), 2020);

    [Fact]
    public void Columns_are_found_by_their_header_words_in_any_order()
    {
        var plan = Import("№\tСроки\tОтветственные\tМероприятие\n1.\tмарт\tСовет\tСбор предложений\n2.\tII квартал\tКомитет по образованию\tОтчёт\n");

        Assert.Equal(("Сбор предложений", "март", "Совет"), (plan.Items[0].Title, plan.Items[0].DeadlineText, plan.Items[0].Responsible[0]));
        Assert.Equal("Отчёт", plan.Items[1].Title);
    }

    [Fact]
    public void A_section_line_without_tabs_is_not_glued_to_the_numbered_action_under_it()
    {
        var plan = Import(
            "Содержание работы\tСрок\tОтветственные\n"
            + "I. Организационная работа\n"
            + "1. Заседание совета по утверждению плана\tянварь\tОбщественный совет\n"
            + "II. Независимая оценка качества\n"
            + "2. Рассмотрение результатов:\n- отчёт оператора\tIV квартал\tОбщественный совет\n");

        Assert.Equal(
            [("1", "I. Организационная работа", "Заседание совета по утверждению плана"),
             ("2", "II. Независимая оценка качества", "Рассмотрение результатов:\n- отчёт оператора")],
            plan.Items.Select(i => (i.Number, i.Section, i.Title)));
    }

    [Fact]
    public void A_duplicate_item_number_is_refused_with_the_number()
    {
        var error = Assert.Throws<PlanFormatException>(() => Import("№\tМероприятие\tСрок\n1\tА\tмарт\n2\tБ\tапрель\n2\tВ\tмай\n"));

        Assert.Contains("Пункт 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Просто письмо без таблицы.\nС уважением.")]
    [InlineData("№\tМероприятие\tСрок\n")]
    public void Text_without_a_plan_table_is_refused_in_russian(string text)
    {
        var error = Assert.Throws<PlanFormatException>(() => Import(text));

        Assert.Matches("[а-я]", error.Message);
    }

    [Fact]
    public void Html_in_a_title_is_kept_as_text()
    {
        var plan = Import("№\tМероприятие\tСрок\n1\t<script>alert(1)</script> & «кавычки»\tмарт\n");

        Assert.Equal("<script>alert(1)</script> & «кавычки»", plan.Items[0].Title);
    }

    [Fact]
    public void Crlf_a_byte_order_mark_and_no_break_spaces_change_nothing()
    {
        var seed = File.ReadAllText(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"));
        var windows = "\uFEFF" + seed.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("Общественный совет", "Общественный\u00A0совет", StringComparison.Ordinal);

        Assert.Equal(Import(seed).Items, Import(windows).Items, new PlanItemComparer());
    }

    private sealed class PlanItemComparer : IEqualityComparer<PlanItem>
    {
        public bool Equals(PlanItem? x, PlanItem? y) => x is not null && y is not null && x.Number == y.Number && x.Title == y.Title
            && x.Responsible.SequenceEqual(y.Responsible) && x.DeadlineText == y.DeadlineText && x.Deadline == y.Deadline && x.Result == y.Result;

        public int GetHashCode(PlanItem obj) => obj.Number.GetHashCode(StringComparison.Ordinal);
    }

    private static readonly string[] SeedLines = File.ReadAllLines(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property A_corrupted_plan_either_imports_or_is_refused_with_a_plan_error() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, SeedLines.Length - 1)).ToArbitrary(),
            Gen.Elements("", "\t", "\t\t", "1.", "\tII. Раздел плана работы совета", "№\tСрок", "\0", "\t17. ").ToArbitrary(),
            (picks, noise) =>
            {
                var lines = picks.Select(i => SeedLines[i]).Append(noise).ToArray();
                try
                {
                    var plan = Import(string.Join('\n', lines));
                    return plan.Items.Count > 0;
                }
                catch (PlanFormatException)
                {
                    return true;
                }
            });
}
