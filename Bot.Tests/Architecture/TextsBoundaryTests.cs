using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Architecture;

/// <summary>
/// Every Russian word people read lives in <c>Bot/Texts/</c>: no C# literal with Cyrillic in it anywhere else in
/// <c>Bot/</c>, read from the repository's source with the C# lexer (comments may be Russian). Bot.Domain keeps its own
/// language data and usage lines and is not scanned.
/// </summary>
public sealed partial class TextsBoundaryTests
{
    /// <summary>Files outside Texts that may hold Cyrillic literals (path under Bot/ → why).</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // Maps each Cyrillic letter to Latin ones to make a council's short name: language data, shown to no one.
        ["Cli/Slugs.cs"] = "the transliteration table of short names",
        // The words a .docx plan's header row carries, matched to pick the plan's table: language data, shown to no one.
        ["Plans/PlanHeaderWords.cs"] = "the header words of a plan's table",
    };

    [Fact]
    public void Russian_literals_are_only_in_Texts()
    {
        var found = BotSources()
            .Where(f => !f.Path.StartsWith("Texts/", StringComparison.Ordinal) && !Allowed.ContainsKey(f.Path))
            .SelectMany(f => RussianLiterals(File.ReadAllText(f.FullPath)).Select(l => $"Bot/{f.Path}:{l.Line}: {l.Text}"))
            .ToList();

        Assert.True(found.Count == 0,
            "Russian text belongs in Bot/Texts/ (the channel adds markup and escaping); found outside it:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Each_allowed_file_exists_and_still_needs_its_exception()
    {
        var sources = BotSources().ToDictionary(f => f.Path, f => f.FullPath, StringComparer.Ordinal);

        Assert.All(Allowed.Keys, path =>
        {
            Assert.True(sources.ContainsKey(path), $"Bot/{path} is allowed Russian literals but is gone: drop it from the list");
            Assert.NotEmpty(RussianLiterals(File.ReadAllText(sources[path])));
        });
    }

    [Fact]
    public void Texts_holds_the_wording()
    {
        Assert.Contains(BotSources(), f => f.Path.StartsWith("Texts/", StringComparison.Ordinal) && RussianLiterals(File.ReadAllText(f.FullPath)).Count > 0);
    }

    [Fact]
    public void The_scan_sees_Russian_in_every_kind_of_literal_and_not_in_comments()
    {
        const string source = """"
            // Комментарий: не текст для людей.
            /// <summary>«Документация» тоже.</summary>
            class C
            {
                /* блок */
                string a = "Привет";
                string b = @"Дословно ""кавычки""";
                string c = $"п. {n} — {(x ? "да" : $"нет {y}")}";
                string d = $"{n}{{скобки}}";
                string e = """
                    Сырая строка
                    """;
                string f = $"""{n} сырая с дыркой""";
                char g = 'ж';
                string h = "latin only — «quotes», № 5";
                string i = "\u0416";
            }
            """";

        var found = RussianLiterals(source);

        Assert.Single(found, l => l.Text.Contains("Сырая строка", StringComparison.Ordinal) && l.Text.StartsWith("\"\"\"", StringComparison.Ordinal));
        Assert.Equal(
            ["\"Привет\"", "@\"Дословно \"\"кавычки\"\"\"", "п. ", "\"да\"", "нет ", "{{скобки}}", " сырая с дыркой", "'ж'", "\"\\u0416\""],
            found.Where(l => !l.Text.Contains("Сырая строка", StringComparison.Ordinal)).Select(l => l.Text));
    }

    /// <summary>The .cs files of Bot/ (not bin/ or obj/), with their paths under Bot/.</summary>
    private static IEnumerable<(string Path, string FullPath)> BotSources()
    {
        var root = RepoPaths.Of("Bot");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(full => (Path: Path.GetRelativePath(root, full).Replace('\\', '/'), FullPath: full))
            .Where(f => !f.Path.StartsWith("bin/", StringComparison.Ordinal) && !f.Path.StartsWith("obj/", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>String, character and interpolated-string text tokens (raw ones too) whose value has a Cyrillic letter.</summary>
    private static List<(int Line, string Text)> RussianLiterals(string source) =>
        [.. CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot()
            .DescendantTokens()
            .Where(t => t.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.CharacterLiteralToken
                or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken)
            .Where(t => Cyrillic().IsMatch(t.ValueText))
            .Select(t => (t.GetLocation().GetLineSpan().StartLinePosition.Line + 1, t.Text))];

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
