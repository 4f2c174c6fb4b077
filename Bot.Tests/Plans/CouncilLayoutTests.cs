using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Tests.Plans.Layouts;

namespace NokoBot.Tests.Plans;

/// <summary>Plans as councils lay them out (<see cref="CouncilLayouts"/>), each as a .docx and as Word's two text shapes.</summary>
public sealed class CouncilLayoutTests
{
    public static TheoryData<string, LayoutFormat> Files()
    {
        var data = new TheoryData<string, LayoutFormat>();
        foreach (var sample in CouncilLayouts.All)
            foreach (var format in Enum.GetValues<LayoutFormat>())
                data.Add(sample.Name, format);
        return data;
    }

    public static TheoryData<string> Names() => [.. CouncilLayouts.All.Select(s => s.Name)];

    private static PlanLayoutSample Sample(string name) => CouncilLayouts.All.Single(s => s.Name == name);

    private static PlanImport Read(PlanLayoutSample sample, LayoutFormat format) =>
        PlanFileReader.Read(LayoutFiles.Render(sample, format), LayoutFiles.FileName(sample, format), 2020).Import;

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_layout_reads_as_its_items_in_every_format(string name, LayoutFormat format)
    {
        var sample = Sample(name);

        var plan = Read(sample, format);

        Assert.Equal(sample.Expected, plan.Items.Select(i => new ExpectedItem(i.Number, i.Section, i.Title, i.Responsible, i.DeadlineText)), new ExpectedItemComparer());
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("пропущена", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_layouts_columns_are_taken_the_same_way_from_docx_and_text(string name)
    {
        var sample = Sample(name);

        var layouts = Enum.GetValues<LayoutFormat>().Select(format => Read(sample, format).Layout!).ToList();

        Assert.All(layouts, layout => Assert.Equal(
            layouts[0].Columns.Select(c => (c.Role, c.Column, c.FoundBy)),
            layout.Columns.Select(c => (c.Role, c.Column, c.FoundBy))));
        Assert.All(layouts, layout => Assert.Equal(layouts[0].Numbering, layout.Numbering));
    }

    [Theory]
    [InlineData("content-headers", "number:header action:header responsible:header deadline:header", ItemNumbering.Column)]
    [InlineData("question-period-who", "number:header action:header responsible:header deadline:header", ItemNumbering.Column)]
    [InlineData("agenda", "number:header action:header responsible:header deadline:header", ItemNumbering.Column)]
    [InlineData("unknown-headers", "number:header action:content responsible:content deadline:content", ItemNumbering.Column)]
    [InlineData("no-header", "number:content action:content responsible:content deadline:content", ItemNumbering.Column)]
    [InlineData("number-in-action", "action:header responsible:header deadline:header", ItemNumbering.ActionCell)]
    [InlineData("outline-numbers", "action:header responsible:header deadline:header", ItemNumbering.ActionCell)]
    [InlineData("bracket-numbers", "action:header responsible:header deadline:header", ItemNumbering.ActionCell)]
    [InlineData("unnumbered", "action:header responsible:header deadline:header", ItemNumbering.InOrder)]
    public void How_each_layouts_columns_and_numbers_are_found(string name, string columns, ItemNumbering numbering)
    {
        var layout = Read(Sample(name), LayoutFormat.Docx).Layout!;

        Assert.Equal(columns, string.Join(' ', layout.Columns.Select(c => $"{PlanColumnNames.Of(c.Role)}:{c.FoundBy.ToString().ToLowerInvariant()}")));
        Assert.Equal(numbering, layout.Numbering);
    }

    [Fact]
    public void Extra_columns_are_reported_as_not_read()
    {
        Assert.Equal([5], Read(CouncilLayouts.ContentHeaders, LayoutFormat.Docx).Layout!.UnusedColumns);
        Assert.Equal([5], Read(CouncilLayouts.QuestionPeriodWho, LayoutFormat.RowPerLine).Layout!.UnusedColumns);
    }

    private sealed class ExpectedItemComparer : IEqualityComparer<ExpectedItem>
    {
        public bool Equals(ExpectedItem? x, ExpectedItem? y) => x is not null && y is not null
            && (x.Number, x.Section, x.Title, x.DeadlineText) == (y.Number, y.Section, y.Title, y.DeadlineText) && x.Responsible.SequenceEqual(y.Responsible);

        public int GetHashCode(ExpectedItem obj) => obj.Number.GetHashCode(StringComparison.Ordinal);
    }
}
