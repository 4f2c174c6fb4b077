using System.Text.Json;
using NokoBot.Texts;

namespace NokoBot.Simulation;

/// <summary>A council as described in <c>config/councils/*.json</c>.</summary>
public sealed record CouncilDefinition(string Slug, string Name, string TimeZone)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The definition for <paramref name="slug"/>, or, without one, the definition whose name starts the plan file's
    /// name (<c>desnogorsk-2020.txt</c> → desnogorsk); else a stand-in council in Moscow time. Definitions are read
    /// from <c>config/councils</c> under the working directory and from the <c>councils</c> folder beside the plan's.
    /// </summary>
    public static CouncilDefinition Find(string? slug, string planPath)
    {
        var besidePlan = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(planPath)) ?? ".", "..", "councils");
        var known = new[] { Path.Combine("config", "councils"), besidePlan }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.json"))
            .Select(Read).OfType<CouncilDefinition>().ToList();
        var planName = Path.GetFileNameWithoutExtension(planPath).ToLowerInvariant();
        return (slug is not null
                   ? known.FirstOrDefault(d => d.Slug == slug)
                   : known.FirstOrDefault(d => planName.StartsWith(d.Slug, StringComparison.Ordinal)))
               ?? new CouncilDefinition(slug ?? "simulation", SimulationTexts.DefaultCouncilName, "Europe/Moscow");
    }

    private static CouncilDefinition? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var definition = JsonSerializer.Deserialize<CouncilDefinition>(stream, Json);
            return definition is { Slug.Length: > 0, Name.Length: > 0, TimeZone.Length: > 0 } ? definition : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
