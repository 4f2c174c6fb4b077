using System.Text;
using NokoBot.Domain.Plans;
using NokoBot.Plans;
using NokoBot.Tests.Plans.Layouts;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Fuzz;

/// <summary>
/// PlanFileReader.Read on bytes that are not a .docx: a damaged text plan either imports — every item numbered,
/// no number twice — or is refused with a <see cref="PlanFormatException"/> whose Russian message the secretary
/// sees. No other exception may escape.
/// </summary>
public sealed class PlanTextFuzzTests
{
    private const int Seed = 20_201_020;
    private const int MutatedSeedPlans = 13_000;
    private const int RandomFiles = 2_000;
    private const int MutatedLayouts = 3_000;

    static PlanTextFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly (string Name, string Text)[] SeedPlans =
    [
        ("desnogorsk", File.ReadAllText(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"))),
        ("zeya", File.ReadAllText(RepoPaths.Of("config", "plans", "zeya-2020.txt"))),
    ];

    /// <summary>Councils' other layouts (no «№» column, unknown headers, no header, sections, lists) in both text shapes.</summary>
    private static readonly (string Name, string Text)[] LayoutPlans =
    [
        .. CouncilLayouts.All.Select(s => (s.Name + " cells", LayoutFiles.CellPerLine(s))),
        .. CouncilLayouts.All.Select(s => (s.Name + " rows", LayoutFiles.RowPerLine(s))),
    ];

    private static readonly string[] Inserts =
    [
        "\t", "\t\t", "\0", "\uFEFF", "\r", "\r\n", "\n", "\v", "\f", "\u0001", "\u007F", "\u0085", "\u00A0", "\u2028", " \u0001 ", "  \u0007  ",
        "1.", "1", "2.1", "99999999999", "\t1.\t", "№\tСроки", "Ответственные", "\tII. Раздел плана работы совета", "😀", "\uD800", "<b>", "—",
    ];

    /// <summary>A plan of the corpus damaged one to six times: lines dropped, repeated, swapped, cut; characters inserted; re-encoded; bytes flipped.</summary>
    private static (byte[] Bytes, string Damage) MutatedPlan(Random random, (string Name, string Text)[] corpus)
    {
        var seed = random.Next(corpus.Length);
        var lines = corpus[seed].Text.Split('\n').ToList();
        var damage = new List<string> { corpus[seed].Name };
        var count = random.Next(1, 7);
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0: lines.RemoveAt(at); damage.Add($"drop line {at}"); break;
                case 1: lines.Insert(at, lines[random.Next(lines.Count)]); damage.Add($"repeat a line at {at}"); break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    damage.Add($"swap lines {at}, {other}");
                    break;
                case 3:
                    var line = lines[at];
                    var cut = random.Next(line.Length + 1);
                    lines[at] = line[..cut];
                    damage.Add($"cut line {at} at {cut}");
                    break;
                case 4:
                    var into = random.Next(lines[at].Length + 1);
                    var insert = random.Pick(Inserts);
                    lines[at] = lines[at].Insert(into, insert);
                    damage.Add($"insert {Fuzzer.Show(insert)} in line {at} at {into}");
                    break;
                case 5: lines[at] = lines[at].Replace('\t', random.Next(2) == 0 ? ' ' : '\n'); damage.Add($"untab line {at}"); break;
                case 6: lines.RemoveRange(at, lines.Count - at); damage.Add($"truncate at line {at}"); break;
                default: lines[at] = lines[at].Replace('.', random.Next(2) == 0 ? ',' : '\t'); damage.Add($"undot line {at}"); break;
            }
        }
        var text = string.Join(random.Next(4) == 0 ? "\r\n" : "\n", lines);
        var bytes = random.Next(5) switch
        {
            0 => Encoding.GetEncoding(1251).GetBytes(text),
            1 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
        if (random.Next(4) == 0)
        {
            var flips = random.Next(1, 9);
            for (var i = 0; i < flips && bytes.Length > 0; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            damage.Add($"{flips} bit flips");
        }
        if (random.Next(10) == 0)
        {
            bytes = bytes[..random.Next(bytes.Length + 1)];
            damage.Add($"cut to {bytes.Length} bytes");
        }
        return (bytes, string.Join("; ", damage));
    }

    private static (byte[] Bytes, string Damage) RandomFile(Random random)
    {
        if (random.Next(2) == 0)
        {
            var bytes = new byte[random.Next(4096)];
            random.NextBytes(bytes);
            return (bytes, $"{bytes.Length} random bytes");
        }
        // Text-like: header words and numbers between random characters, so the interpreter gets past the header.
        var b = new StringBuilder();
        var pieces = random.Next(200);
        for (var i = 0; i < pieces; i++)
            b.Append(random.Next(4) switch
            {
                0 => random.Pick(Inserts),
                1 => random.Pick(["№", "Наименование мероприятия", "Ответственные", "Сроки", "Результат", "Комитет", "II квартал", "Общественный совет"]),
                _ => Fuzzer.RandomUnicode(random, 8),
            });
        var text = b.ToString();
        return (Encoding.UTF8.GetBytes(text), $"random text {Fuzzer.Show(text)}");
    }

    /// <summary>Only a Russian refusal, or a plan whose items all have a number and no number twice.</summary>
    internal static void AssertImportsOrIsRefused(byte[] content, string fileName)
    {
        PlanImport plan;
        try
        {
            plan = PlanFileReader.Read(content, fileName, 2020).Import;
        }
        catch (PlanFormatException e)
        {
            Assert.Matches("[А-Яа-яЁё]", e.Message);
            return;
        }
        Assert.NotEmpty(plan.Items);
        Assert.All(plan.Items, item => Assert.False(string.IsNullOrWhiteSpace(item.Number), "an item without a number"));
        var twice = plan.Items.GroupBy(i => i.Number, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"numbers twice: {string.Join(", ", twice)}");
        Assert.All(plan.Items, item => Assert.Equal(item.DeadlineText, item.Deadline.Text));
    }

    /// <summary>Found by the fuzz: a control character between two words left an empty word, and the party splitter indexed it.</summary>
    [Fact]
    public void A_control_character_between_responsible_parties_does_not_break_the_import()
    {
        var plan = PlanFileReader.Read(Encoding.UTF8.GetBytes("№\tМероприятие\tОтветственные\tСрок\n1\tОтчёт\tКомитет \u0001 Совет\tмарт\n"), "plan.txt", 2020).Import;

        Assert.Equal(["Комитет", "Совет"], plan.Items[0].Responsible);
    }

    [Fact]
    public void A_damaged_text_plan_imports_cleanly_or_is_refused_in_russian() =>
        Fuzzer.Run(Seed, MutatedSeedPlans, random => MutatedPlan(random, SeedPlans),
            input => input.Damage,
            input => AssertImportsOrIsRefused(input.Bytes, "plan.txt"));

    [Fact]
    public void A_damaged_plan_of_another_councils_layout_imports_cleanly_or_is_refused_in_russian() =>
        Fuzzer.Run(Seed + MutatedSeedPlans + RandomFiles, MutatedLayouts, random => MutatedPlan(random, LayoutPlans),
            input => input.Damage,
            input => AssertImportsOrIsRefused(input.Bytes, "plan.txt"));

    [Fact]
    public void Random_bytes_as_a_plan_file_are_refused_in_russian_or_import_cleanly() =>
        Fuzzer.Run(Seed + MutatedSeedPlans, RandomFiles, RandomFile,
            input => input.Damage,
            input => AssertImportsOrIsRefused(input.Bytes, "plan.txt"));
}
