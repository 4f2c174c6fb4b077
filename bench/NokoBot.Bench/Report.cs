using System.Diagnostics;
using System.Text.Json;

namespace NokoBot.Bench;

/// <summary>One JSON object per line: the figure, the ceiling it is compared with (measured in the same run), the ratio.</summary>
internal static class Report
{
    public static void Line(string name, double value, string unit, double? ceiling = null, string? ceilingName = null, double? goal = null)
    {
        var line = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["value"] = Math.Round(value, 3),
            ["unit"] = unit,
            ["ceiling"] = ceiling is { } c ? Math.Round(c, 3) : null,
            ["ceilingName"] = ceilingName,
            ["ratio"] = ceiling is { } c2 && c2 != 0 ? Math.Round(value / c2, 3) : null,
            ["goal"] = goal,
            ["peakRssMiB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, 1),
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion.VersionString}",
        };
        Console.WriteLine(JsonSerializer.Serialize(line));
        var summary = FormattableString.Invariant($"{name}: {value:0.###} {unit}");
        if (ceiling is { } x) summary += FormattableString.Invariant($" vs {ceilingName} {x:0.###} (ratio {value / x:0.###})");
        if (goal is { } g) summary += FormattableString.Invariant($", goal {g}");
        Console.Error.WriteLine(summary);
    }
}
