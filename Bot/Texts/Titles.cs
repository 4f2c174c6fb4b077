namespace NokoBot.Texts;

/// <summary>
/// Plan titles are long («Разработка технического задания для организации-оператора…») and may hold a list on lines of
/// their own («Заседание совета:» / «- утверждение плана»): one rule makes them one short line everywhere.
/// </summary>
public static class Titles
{
    public const int MaxLength = 80;

    public static string Shorten(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var line = title.ReplaceLineEndings(" ");
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)].TrimEnd() + "…";
    }

    /// <summary>The short line leaves something out, so the full title deserves a line of its own.</summary>
    public static bool IsShortened(string title) => Shorten(title) != title;
}
