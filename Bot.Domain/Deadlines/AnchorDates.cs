namespace NokoBot.Domain.Deadlines;

/// <summary>The day a relative deadline starts counting from — the one rule the reminders and the digest share.</summary>
public static class AnchorDates
{
    /// <param name="linkedItemClosedOn">The council-local day the item it is linked to (by the importer) was closed.</param>
    /// <returns>That day; else the earliest recorded event matching the deadline's anchor words; else null (not yet).</returns>
    public static DateOnly? Of(RelativeDeadline deadline, DateOnly? linkedItemClosedOn, IEnumerable<(string Name, DateOnly On)> events) =>
        linkedItemClosedOn ?? events.Where(e => AnchorMatcher.EventMatches(deadline.Anchor, e.Name)).Select(e => (DateOnly?)e.On).Min();
}
