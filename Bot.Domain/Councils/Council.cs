namespace NokoBot.Domain.Councils;

/// <summary>One council: its short name used in commands (<see cref="Slug"/>) and its IANA time zone.</summary>
public sealed record Council(long Id, string Slug, string Name, string TimeZone);
