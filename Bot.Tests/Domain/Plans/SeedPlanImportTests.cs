using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Domain.Plans;

public sealed class SeedPlanImportTests
{
    private static readonly PlanImport Desnogorsk = PlanFileReader.Read(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), 2020).Import;
    private static readonly PlanImport Zeya = PlanFileReader.Read(RepoPaths.Of("config", "plans", "zeya-2020.txt"), 2020).Import;

    private static PlanItem Item(PlanImport plan, string number) => plan.Items.Single(i => i.Number == number);

    [Fact]
    public void The_desnogorsk_plan_has_its_16_items_in_order()
    {
        Assert.Equal(Enumerable.Range(1, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Desnogorsk.Items.Select(i => i.Number));
        Assert.All(Desnogorsk.Items, i => Assert.Null(i.Section));
        Assert.Equal("Обсуждение плана работы Общественного совета.", Item(Desnogorsk, "1").Title);
        Assert.Equal("Проведение торгов", Item(Desnogorsk, "5").Title);
        Assert.Equal("протокол заседания Общественного совета", Item(Desnogorsk, "8").Result);
    }

    [Theory]
    [InlineData("1", new[] { "Комитет по образованию", "Общественный совет" })]
    [InlineData("4", new[] { "Общественный совет", "Комитет по образованию" })]
    [InlineData("6", new[] { "организация-оператор" })]
    [InlineData("7", new[] { "Комитет по образованию", "Общественный совет" })]
    [InlineData("8", new[] { "Общественный совет", "Комитет по образованию" })]
    [InlineData("10", new[] { "руководители ОО" })]
    [InlineData("14", new[] { "Общественный совет", "Комитет по образованию" })]
    [InlineData("16", new[] { "Комитет по образованию", "Образовательные организации" })]
    public void Desnogorsk_responsible_cells_split_into_parties(string number, string[] parties) =>
        Assert.Equal(parties, Item(Desnogorsk, number).Responsible);

    [Theory]
    [InlineData("1", "январь - март", DeadlineKind.Window)]
    [InlineData("2", "", DeadlineKind.Unscheduled)]
    [InlineData("5", "июнь – август", DeadlineKind.Window)]
    [InlineData("6", "согласно графику проведения НОКО", DeadlineKind.Unscheduled)]
    [InlineData("8", "в течение 10 дней со дня поступления информации о результатах НОКО", DeadlineKind.Relative)]
    [InlineData("9", "в течение 3 дней после рассмотрения результатов НОКО", DeadlineKind.Relative)]
    [InlineData("11", "со дня поступления информации о результатах НОКО", DeadlineKind.Relative)]
    [InlineData("15", "постоянно", DeadlineKind.Continuous)]
    [InlineData("16", "ежегодно, 1 раз в квартал", DeadlineKind.Recurring)]
    public void Desnogorsk_deadlines_keep_their_words_and_are_understood(string number, string text, DeadlineKind kind)
    {
        var item = Item(Desnogorsk, number);

        Assert.Equal((text, kind), (item.DeadlineText, item.Deadline.Kind));
    }

    [Fact]
    public void The_zeya_plan_has_8_items_in_two_sections_with_result_before_deadline()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], Zeya.Items.Select(i => i.Number));
        Assert.All(Zeya.Items.Take(5), i => Assert.StartsWith("1. Подготовка и проведение независимой оценки", i.Section, StringComparison.Ordinal));
        Assert.All(Zeya.Items.Skip(5), i => Assert.Equal("II. Применение результатов независимой оценки качества", i.Section));
        var first = Item(Zeya, "1");
        Assert.Equal(("Перечень организаций и учреждений", "Январь-февраль"), (first.Result, first.DeadlineText));
        Assert.Equal(["Члены Общественного совета"], first.Responsible);
        Assert.Equal(["Муниципальные учреждения образования", "Уполномоченный орган"], Item(Zeya, "5").Responsible);
        Assert.Equal(["Уполномоченный орган", "образовательные организации"], Item(Zeya, "7").Responsible);
        Assert.Equal(new WindowDeadline("II квартал", new(2020, 4, 1), new(2020, 6, 30)), Item(Zeya, "2").Deadline);
        Assert.Equal(DeadlineKind.Continuous, Item(Zeya, "8").Deadline.Kind);
    }

    [Fact]
    public void The_seed_plans_import_without_warnings_about_rows() =>
        Assert.DoesNotContain(Desnogorsk.Warnings.Concat(Zeya.Warnings), w => w.Contains("не похожа", StringComparison.Ordinal));
}
