using System.Globalization;
using System.Text;

namespace NokoBot.Tests.Fuzz;

/// <summary>
/// Seeded fuzz loops. Case <c>i</c> of a run draws from <c>new Random(seed + i)</c>, so a failure names the one
/// seed that replays it; the first few failures are reported together with their input.
/// </summary>
internal static class Fuzzer
{
    private const int ReportedFailures = 8;

    /// <param name="generate">Makes one input from the case's random source.</param>
    /// <param name="show">The input as it goes into the failure message.</param>
    /// <param name="check">Runs the entry point on the input; throws (assertion or otherwise) when a promise is broken.</param>
    public static void Run<T>(int seed, int cases, Func<Random, T> generate, Func<T, string> show, Action<T> check)
    {
        var failures = new List<string>();
        var failed = 0;
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = seed + i;
            var input = generate(new Random(caseSeed));
            try
            {
                check(input);
            }
#pragma warning disable CA1031 // Any exception is the finding: report it with the input that caused it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                if (failures.Count < ReportedFailures)
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"case seed {caseSeed}: {show(input)}\n  → {e.GetType().FullName}: {e.Message}"));
            }
        }
        Assert.True(failed == 0, string.Create(CultureInfo.InvariantCulture, $"{failed} of {cases} inputs (seed {seed}) broke the promise:\n{string.Join('\n', failures)}"));
    }

    /// <summary>A string as a C# literal (control characters, NUL, lone surrogates escaped), cut to a readable length.</summary>
    public static string Show(string? text)
    {
        if (text is null) return "null";
        var b = new StringBuilder("\"");
        foreach (var c in text.Length > 400 ? text[..400] : text)
        {
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) || (char.IsWhiteSpace(c) && c != ' ') => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        b.Append('"');
        if (text.Length > 400) b.Append(CultureInfo.InvariantCulture, $"… ({text.Length} chars)");
        return b.ToString();
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Digits that are not ASCII but that a regex's \d matches: Arabic-Indic, Devanagari, full-width.</summary>
    public static readonly string[] ForeignDigits = ["٣", "۵", "७", "１", "５", "２０２０"];

    /// <summary>
    /// Any UTF-16 text: ASCII, Cyrillic, controls and NUL, lone surrogates, emoji, foreign digits, Unicode spaces
    /// and dashes, and characters from anywhere in the BMP.
    /// </summary>
    public static string RandomUnicode(Random random, int maxLength)
    {
        var length = random.Next(maxLength + 1);
        var b = new StringBuilder(length);
        while (b.Length < length)
        {
            switch (random.Next(10))
            {
                case 0: b.Append((char)random.Next(0x20, 0x7F)); break;
                case 1: b.Append((char)random.Next(0x400, 0x460)); break;
                case 2: b.Append((char)random.Next(0, 0x20)); break;
                case 3: b.Append((char)random.Next(0xD800, 0xE000)); break;
                case 4: b.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                case 5: b.Append(random.Pick(ForeignDigits)); break;
                case 6: b.Append(random.Pick(["\u00A0", "\u2007", "\u202F", "\u2028", "\u0085", "\uFEFF", "\u200B", "–", "—", "‑", "−"])); break;
                case 7: b.Append((char)random.Next('0', '9' + 1)); break;
                default: b.Append((char)random.Next(0x10000)); break;
            }
        }
        return b.ToString();
    }
}
