namespace NokoBot.Domain.Meetings;

/// <summary>One line of a meeting's agenda; <see cref="ItemNumber"/> links it to a plan item when it comes from the plan.</summary>
public sealed record AgendaLine(string Text, string? ItemNumber = null);

/// <summary>
/// A council meeting. <see cref="LocalStart"/> is wall-clock time in the council's zone (Kind Unspecified):
/// converting to UTC happens where the zone is known. <see cref="Sequence"/> grows with every update, so
/// calendar clients replace the earlier invitation (same UID, higher SEQUENCE).
/// </summary>
public sealed record Meeting(
    long Id,
    long CouncilId,
    DateTime LocalStart,
    TimeSpan Duration,
    string Place,
    IReadOnlyList<AgendaLine> Agenda,
    int Sequence = 0,
    bool Cancelled = false)
{
    public DateOnly Day => DateOnly.FromDateTime(LocalStart);
}
