namespace NokoBot.Cli;

internal static class TimeZones
{
    /// <summary>Councils are stored with IANA names only, so every machine reads them the same way.</summary>
    public static bool IsIana(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id).HasIanaId;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
