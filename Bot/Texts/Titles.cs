namespace NokoBot.Texts;

/// <summary>Plan titles are long («Разработка технического задания для организации-оператора…»): one rule shortens them everywhere.</summary>
public static class Titles
{
    public const int MaxLength = 80;

    public static string Shorten(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.Length <= MaxLength ? title : title[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
