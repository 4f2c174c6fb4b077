namespace NokoBot.Reports;

/// <summary>Where an item stood when the report was made.</summary>
public enum ItemStatus { Done, Open, Overdue }

/// <summary>Someone reported an item done (or closed it): who, and the council-local moment.</summary>
public sealed record DoneMark(string Who, DateTimeOffset LocalAt);

/// <summary>A postponement: to which day, why, and when it was asked.</summary>
public sealed record Postponement(DateOnly To, string? Reason, DateTimeOffset LocalAt);

/// <summary>A protocol attached to an item.</summary>
public sealed record ProtocolMark(string FileName, DateTimeOffset LocalAt, string Sha256);

/// <summary>One row of the report's table of items.</summary>
/// <param name="EndedDue">The due date the item ended the year with (after postponements, the secretary's date, its event).</param>
public sealed record ReportItem(
    string Number, string? Section, string Title, IReadOnlyList<string> Parties, string DeadlineText, DateOnly? EndedDue, ItemStatus Status,
    IReadOnlyList<DoneMark> Done, IReadOnlyList<Postponement> Postponements, IReadOnlyList<ProtocolMark> Protocols);

/// <summary>A responsible party's items by status.</summary>
public sealed record PartySummary(string Party, int Done, int Open, int Overdue);

/// <summary>A meeting held in the year, with its agenda and protocol.</summary>
public sealed record ReportMeeting(DateTime LocalStart, string Place, IReadOnlyList<string> Agenda, string? ProtocolName);

/// <summary>Items due in a month: how many were done, how many were not.</summary>
public sealed record MonthTally(int Month, int Done, int NotDone);

/// <summary>
/// The year-end report of a council's plan (the same content in Word and HTML): the summary, every item with its
/// history, the meetings held, and a tally of items by due month.
/// </summary>
public sealed record YearReport(
    string Council, int Year, DateOnly AsOf, IReadOnlyList<ReportItem> Items, IReadOnlyList<PartySummary> Parties,
    IReadOnlyList<ReportMeeting> Meetings, IReadOnlyList<MonthTally> Months)
{
    public int Count(ItemStatus status) => Items.Count(i => i.Status == status);
}
