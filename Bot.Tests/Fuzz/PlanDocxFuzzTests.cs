using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NokoBot.Domain.Plans;
using NokoBot.Plans;

namespace NokoBot.Tests.Fuzz;

/// <summary>
/// PlanFileReader.Read on a damaged .docx (bytes broken, or the package's XML broken inside a sound ZIP) either
/// imports — every item numbered, no number twice — or is refused with a <see cref="PlanFormatException"/>:
/// whatever OpenXml, the ZIP or the XML reader throw underneath must not reach the secretary as a crash.
/// </summary>
public sealed partial class PlanDocxFuzzTests
{
    private const int Seed = 20_201_105;
    private const int DamagedBytes = 2_500;
    private const int DamagedParts = 2_500;

    private const string DocumentPart = "word/document.xml";

    /// <summary>A small sound plan: header, items, a vertically merged cell, a section row spanning all columns, a nested table.</summary>
    private static readonly byte[] Plan = BuildPlan();

    /// <summary>The plan's package: part name → bytes, in ZIP order.</summary>
    private static readonly (string Name, byte[] Bytes)[] Parts = ReadParts(Plan);

    private static byte[] BuildPlan()
    {
        static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
        {
            var properties = new TableCellProperties();
            if (span > 1) properties.Append(new GridSpan { Val = span });
            if (merge is { } m) properties.Append(new VerticalMerge { Val = m });
            return new TableCell([properties, .. text.Split('\n').Select(line => new Paragraph(new Run(new Text(line))))]);
        }
        static TableRow Row(params TableCell[] cells) => new(cells);

        var nested = new Table(Row(Cell("вложенная"), Cell("таблица")));
        var resultWithTable = Cell("протокол");
        resultWithTable.Append(nested, new Paragraph());
        var table = new Table(
            Row(Cell("№ п/п"), Cell("Наименование мероприятий"), Cell("Ответственные"), Cell("Сроки"), Cell("Планируемый результат")),
            Row(Cell("I. Организация работы совета", span: 5)),
            Row(Cell("1."), Cell("Обсуждение плана работы"), Cell("Комитет по образованию\nОбщественный совет"), Cell("январь -\nмарт"), Cell("План работы")),
            Row(Cell("2."), Cell("Проведение торгов"), Cell("Комитет по образованию", merge: MergedCellValues.Restart), Cell("июнь – август"), Cell("оператор")),
            Row(Cell("3."), Cell("Сбор информации"), Cell("", merge: MergedCellValues.Continue), Cell("II квартал"), Cell("")),
            Row(Cell("4."), Cell("Рассмотрение результатов"), Cell("Общественный совет"), Cell("в течение 10 дней со дня поступления информации о результатах НОКО"), resultWithTable));

        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("План работы на 2020 год"))), table));
        return buffer.ToArray();
    }

    private static (string Name, byte[] Bytes)[] ReadParts(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (entry.FullName, copy.ToArray());
        })];
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> parts, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var stream = archive.CreateEntry(name, level).Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The .docx's bytes broken: bits flipped, cut short, ranges zeroed, chunks shuffled or repeated, junk inserted.</summary>
    private static (byte[] Bytes, string Damage) DamagedFile(Random random)
    {
        var bytes = Plan.ToList();
        var damage = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    var flips = random.Next(1, 17);
                    for (var f = 0; f < flips; f++) bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                    damage.Add($"{flips} bit flips");
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    damage.Add($"cut at {at}");
                    break;
                case 2:
                    var zeros = Math.Min(random.Next(1, 512), bytes.Count - at);
                    for (var z = 0; z < zeros; z++) bytes[at + z] = 0;
                    damage.Add($"{zeros} zeros at {at}");
                    break;
                case 3:
                    var size = random.Next(16, 512);
                    var chunks = bytes.Chunk(size).OrderBy(_ => random.Next()).ToList();
                    bytes = [.. chunks.SelectMany(c => c)];
                    damage.Add($"{size}-byte chunks shuffled");
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 1024), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    damage.Add($"{length} bytes from {at} repeated");
                    break;
                default:
                    var junk = new byte[random.Next(1, 64)];
                    random.NextBytes(junk);
                    bytes.InsertRange(at, junk);
                    damage.Add($"{junk.Length} random bytes at {at}");
                    break;
            }
            if (bytes.Count == 0) break;
        }
        // Keep the ZIP signature mostly, so the file still goes to the .docx reader.
        if (bytes.Count >= 4 && random.Next(10) != 0) (bytes[0], bytes[1], bytes[2], bytes[3]) = (0x50, 0x4B, 0x03, 0x04);
        return ([.. bytes], string.Join("; ", damage));
    }

    private static readonly string[] Spans = ["0", "-1", "64", "1000", "100000", "2147483647", "99999999999", "abc", "", " 3", "5.5"];

    private static readonly string[] XmlJunk =
    [
        "<", ">", "&", "&bogus;", "]]>", "<w:tc>", "</w:tr>", "<w:tbl>", "</w:tbl>", "<w:tr><w:tc></w:tr>", "\0", "\uFFFE", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>", "<w:p><w:r><w:t>&b;</w:t></w:r></w:p>",
        "<w:tc><w:tcPr><w:gridSpan w:val=\"2147483647\"/></w:tcPr><w:p/></w:tc>", "<w:tc><w:tcPr><w:vMerge w:val=\"junk\"/></w:tcPr><w:p/></w:tc>",
        "<w:sdt><w:sdtContent><w:tr><w:tc><w:p/></w:tc></w:tr></w:sdtContent></w:sdt>", "<x:unknown xmlns:x=\"urn:x\"/>",
    ];

    /// <summary>The main document's XML broken inside a sound ZIP: cut, junk, wild gridSpan/vMerge values, tags renamed.</summary>
    private static string DamagedXml(string xml, Random random, List<string> damage)
    {
        if (xml.Length == 0) return xml;
        var at = random.Next(xml.Length);
        switch (random.Next(9))
        {
            case 0:
                damage.Add($"document.xml cut at {at}");
                return xml[..at];
            case 1:
                var length = Math.Min(random.Next(1, 200), xml.Length - at);
                damage.Add($"document.xml: {length} chars deleted at {at}");
                return xml.Remove(at, length);
            case 2:
                var junk = random.Pick(XmlJunk);
                damage.Add($"document.xml: {Fuzzer.Show(junk)} inserted at {at}");
                return xml.Insert(at, junk);
            case 3:
                var span = random.Pick(Spans);
                damage.Add($"gridSpan {Fuzzer.Show(span)}");
                return GridSpanValue().Replace(xml, $"${{1}}{span}$2");
            case 4:
                var merge = random.Pick(["junk", "", "Restart", "continue", "restart"]);
                damage.Add($"vMerge {Fuzzer.Show(merge)}");
                return VMergeValue().Replace(xml, $"${{1}}{merge}$2");
            case 5:
                var (from, to) = random.Pick([("w:tbl>", "w:tblx>"), ("w:tr>", "w:trx>"), ("w:tc>", "w:p>"), ("w:body>", "w:bod>"), ("w:t>", "w:r>"), ("<w:tc>", "<w:tc><w:tc>")]);
                damage.Add($"{from} → {to}");
                return xml.Replace(from, to, StringComparison.Ordinal);
            case 6:
                damage.Add("wordprocessingml namespace changed");
                return xml.Replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "urn:not-word", StringComparison.Ordinal);
            case 7:
                var cell = random.Next(1, 6);
                damage.Add($"gridSpan {cell * 1_000_000} on every cell");
                return xml.Replace("<w:tcPr>", $"<w:tcPr><w:gridSpan w:val=\"{cell * 1_000_000}\"/>", StringComparison.Ordinal);
            default:
                var chars = xml.ToCharArray();
                var flips = random.Next(1, 9);
                for (var f = 0; f < flips; f++) chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
                damage.Add($"document.xml: {flips} characters replaced");
                return new string(chars);
        }
    }

    /// <summary>A sound ZIP holding a broken package: parts dropped, renamed, emptied, repeated, or the document's XML damaged.</summary>
    private static (byte[] Bytes, string Damage) DamagedPackage(Random random)
    {
        var parts = Parts.ToList();
        var damage = new List<string>();
        var count = random.Next(1, 3);
        for (var i = 0; i < count && parts.Count > 0; i++)
        {
            var at = random.Next(parts.Count);
            var name = parts[at].Name;
            switch (random.Next(10))
            {
                case 0: parts.RemoveAt(at); damage.Add($"{name} dropped"); break;
                case 1: parts[at] = (name + "x", parts[at].Bytes); damage.Add($"{name} renamed"); break;
                case 2: parts[at] = (name, []); damage.Add($"{name} emptied"); break;
                case 3: parts.Add(parts[at]); damage.Add($"{name} twice"); break;
                case 4:
                    var garbage = new byte[random.Next(1, 256)];
                    random.NextBytes(garbage);
                    parts[at] = (name, garbage);
                    damage.Add($"{name} is random bytes");
                    break;
                case 5:
                    var text = Encoding.UTF8.GetString(parts[at].Bytes);
                    parts[at] = (name, Encoding.UTF8.GetBytes(text.Replace("Target=\"", random.Pick(["Target=\"../../", "Target=\"missing/", "TargetMode=\"External\" Target=\""]), StringComparison.Ordinal)
                        .Replace("ContentType=\"", "ContentType=\"x", StringComparison.Ordinal)));
                    damage.Add($"{name}: targets or content types broken");
                    break;
                default:
                    var document = parts.FindIndex(p => p.Name == DocumentPart);
                    if (document < 0) break;
                    var xml = DamagedXml(Encoding.UTF8.GetString(parts[document].Bytes), random, damage);
                    parts[document] = (DocumentPart, random.Next(10) == 0 ? Encoding.Unicode.GetBytes(xml) : Encoding.UTF8.GetBytes(xml));
                    break;
            }
        }
        if (random.Next(5) == 0)
        {
            parts = [.. parts.OrderBy(_ => random.Next())];
            damage.Add("parts reordered");
        }
        return (Zip(parts, random.Next(3) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest), string.Join("; ", damage));
    }

    [GeneratedRegex("(<w:gridSpan w:val=\")[^\"]*(\")")]
    private static partial Regex GridSpanValue();

    [GeneratedRegex("(<w:vMerge w:val=\")[^\"]*(\")")]
    private static partial Regex VMergeValue();

    private static byte[] WithDocumentXml(Func<string, string> change) => Zip(Parts.Select(p => p.Name == DocumentPart
        ? (p.Name, Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(p.Bytes))))
        : p), CompressionLevel.Fastest);

    [Fact]
    public void A_cell_spanning_two_billion_columns_is_refused_not_a_crash()
    {
        var docx = WithDocumentXml(xml => GridSpanValue().Replace(xml, "${1}2147483647$2"));

        var error = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read(docx, "plan.docx", 2020));

        Assert.Contains("повреждена", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_that_unpacks_to_gigabytes_is_refused_not_read_into_memory()
    {
        // 40 million spaces inside one run deflate to a few dozen kilobytes.
        var docx = WithDocumentXml(xml => xml.Insert(xml.IndexOf("</w:body>", StringComparison.Ordinal),
            "<w:p><w:r><w:t xml:space=\"preserve\">" + new string(' ', 40_000_000) + "</w:t></w:r></w:p>"));
        Assert.True(docx.Length < 1_000_000, $"the bomb is {docx.Length} bytes");

        var error = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read(docx, "plan.docx", 2020));

        Assert.Contains("повреждён", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by the fuzz: each of these escaped from OpenXml as a crash (InvalidOperationException, XmlException,
    /// FormatException, OverflowException, ArgumentException, InvalidDataException) instead of a refusal.
    /// </summary>
    [Theory]
    [InlineData("document part missing")]
    [InlineData("document XML cut in half")]
    [InlineData("document XML with a DTD")]
    [InlineData("vMerge value in the wrong case")]
    [InlineData("gridSpan beyond Int32")]
    [InlineData("relationship to a part outside the package")]
    [InlineData("document part's compressed bytes zeroed")]
    public void A_docx_damaged_underneath_is_refused_as_damaged_not_a_crash(string damage)
    {
        var docx = damage switch
        {
            "document part missing" => Zip(Parts.Where(p => p.Name != DocumentPart), CompressionLevel.Fastest),
            "document XML cut in half" => WithDocumentXml(xml => xml[..(xml.Length / 2)]),
            "document XML with a DTD" => WithDocumentXml(xml => xml.Insert(xml.IndexOf("<w:document", StringComparison.Ordinal), "<!DOCTYPE w:document [<!ENTITY a \"a\">]>")),
            "vMerge value in the wrong case" => WithDocumentXml(xml => VMergeValue().Replace(xml, "${1}Restart$2")),
            "gridSpan beyond Int32" => WithDocumentXml(xml => GridSpanValue().Replace(xml, "${1}99999999999$2")),
            "relationship to a part outside the package" => Zip(Parts.Select(p => p.Name == "_rels/.rels"
                ? (p.Name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(p.Bytes).Replace("Target=\"", "Target=\"../../", StringComparison.Ordinal)))
                : p), CompressionLevel.Fastest),
            _ => ZeroedDocumentData(),
        };

        var error = Assert.Throws<PlanFormatException>(() => PlanFileReader.Read(docx, "plan.docx", 2020));

        Assert.Contains("повреждён", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The plan with 64 bytes of the document part's deflated data zeroed: the ZIP's directory is intact, inflating is not.</summary>
    private static byte[] ZeroedDocumentData()
    {
        var bytes = Plan.ToArray();
        var name = Encoding.ASCII.GetBytes(DocumentPart);
        // The first occurrence of the name is in its local header (30 bytes, then the name, the extra field, the data).
        var at = bytes.AsSpan().IndexOf(name);
        var extraLength = BitConverter.ToUInt16(bytes, at - 30 + 28);
        bytes.AsSpan(at + name.Length + extraLength + 16, 64).Clear();
        return bytes;
    }

    [Fact]
    public void The_sound_plan_imports_with_its_merged_and_spanning_cells()
    {
        var plan = PlanFileReader.Read(Plan, "plan.docx", 2020).Import;

        Assert.Equal(["1", "2", "3", "4"], plan.Items.Select(i => i.Number));
        Assert.Equal(["Комитет по образованию"], plan.Items[2].Responsible);
        Assert.Equal("I. Организация работы совета", plan.Items[0].Section);
    }

    [Fact]
    public void A_damaged_docx_file_imports_cleanly_or_is_refused_in_russian() =>
        Fuzzer.Run(Seed, DamagedBytes, DamagedFile,
            input => input.Damage,
            input => PlanTextFuzzTests.AssertImportsOrIsRefused(input.Bytes, "plan.docx"));

    [Fact]
    public void A_docx_with_broken_parts_or_xml_imports_cleanly_or_is_refused_in_russian() =>
        Fuzzer.Run(Seed + DamagedBytes, DamagedParts, DamagedPackage,
            input => input.Damage,
            input => PlanTextFuzzTests.AssertImportsOrIsRefused(input.Bytes, "plan.docx"));
}
