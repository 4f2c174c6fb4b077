using NokoBot.Domain.Deadlines;

namespace NokoBot.Storage;

/// <summary>Loads the Russian production calendar (holidays and transferred working days) from its data file.</summary>
public static class CalendarFile
{
    public const string FileName = "ru.txt";

    /// <summary>
    /// <paramref name="path"/> when given (config <c>Calendar:Path</c>), else <c>config/calendar/ru.txt</c> under the working
    /// directory, else the copy shipped next to the binary.
    /// </summary>
    public static ProductionCalendar Load(string? path = null)
    {
        var candidates = path is not null
            ? [path]
            : new[] { Path.Combine("config", "calendar", FileName), Path.Combine(AppContext.BaseDirectory, "calendar", FileName) };
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Production calendar not found (looked in: {string.Join(", ", candidates)}).");
        return ProductionCalendar.Parse(File.ReadLines(found));
    }
}
