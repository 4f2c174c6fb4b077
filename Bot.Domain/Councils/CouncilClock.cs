namespace NokoBot.Domain.Councils;

/// <summary>The one place where council-local dates and times become instants, and back.</summary>
public static class CouncilClock
{
    /// <summary>
    /// The instant of a local wall-clock time. A time skipped by a DST jump moves forward by the gap; an ambiguous
    /// one takes the earlier offset (Russian zones have had no DST since 2014, but the rules are IANA's).
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);
}
