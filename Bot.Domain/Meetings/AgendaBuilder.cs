using NokoBot.Domain.Replies;

namespace NokoBot.Domain.Meetings;

/// <summary>What the agenda builder needs to know of a plan item on the meeting day.</summary>
/// <param name="Due">The item's current due date, if it has one.</param>
/// <param name="WindowStart">For a period deadline («июнь – август»), its first day.</param>
/// <param name="WaitsForMeeting">A relative deadline the meeting can date («в течение 3 дней после рассмотрения…»).</param>
public sealed record AgendaCandidate(string Number, string Title, string Result, DateOnly? Due, bool IsClosed, bool WaitsForMeeting, DateOnly? WindowStart = null);

/// <summary>Why a plan item is proposed for a meeting.</summary>
public enum AgendaReason { DueAround, AwaitsProtocol, Overdue, DatedByMeeting, AddedBySecretary }

/// <summary>A proposed agenda line: a plan item with why it is there, or a free topic.</summary>
public sealed record ProposedLine(string Text, string? ItemNumber, AgendaReason? Reason);

/// <summary>
/// Proposes a meeting's agenda from the plan (DESIGN §2, Meeting): open items due within two weeks either side of
/// the meeting (or whose period of up to a quarter runs through it), open items whose planned result is a meeting
/// protocol, open overdue items, items a meeting's decision dates — then the secretary's additions, drops and free
/// topics. Plan order; each item once.
/// </summary>
public static class AgendaBuilder
{
    public static readonly int WindowDays = 14;

    /// <summary>A period up to a quarter long that runs through the meeting is work in progress worth discussing.</summary>
    public static readonly int LongestPeriodDays = 92;

    public static IReadOnlyList<ProposedLine> Propose(
        DateOnly meetingDay, IReadOnlyList<AgendaCandidate> items,
        IReadOnlyCollection<string> added, IReadOnlyCollection<string> dropped, IReadOnlyList<string> topics)
    {
        var lines = new List<ProposedLine>();
        foreach (var item in items)
        {
            if (dropped.Contains(item.Number)) continue;
            var reason = Reason(meetingDay, item) ?? (added.Contains(item.Number) ? AgendaReason.AddedBySecretary : null);
            if (reason is { } r) lines.Add(new ProposedLine(item.Title, item.Number, r));
        }
        lines.AddRange(topics.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => new ProposedLine(t.Trim(), null, null)));
        return lines;
    }

    private static AgendaReason? Reason(DateOnly day, AgendaCandidate item)
    {
        if (item.IsClosed) return null;
        if (item.Due is { } due && Math.Abs(due.DayNumber - day.DayNumber) <= WindowDays) return AgendaReason.DueAround;
        if (item is { WindowStart: { } start, Due: { } end } && start <= day && day <= end && end.DayNumber - start.DayNumber <= LongestPeriodDays)
            return AgendaReason.DueAround;
        if (ItemProgress.ProtocolClosesItem(item.Result)) return AgendaReason.AwaitsProtocol;
        if (item.Due is { } past && past < day) return AgendaReason.Overdue;
        if (item.WaitsForMeeting) return AgendaReason.DatedByMeeting;
        return null;
    }

    /// <summary>«после рассмотрения…», «после заседания…»: the anchor is something a meeting does.</summary>
    public static bool MeetingCanDate(string anchor) =>
        anchor.Contains("рассмотрен", StringComparison.OrdinalIgnoreCase) || anchor.Contains("обсужден", StringComparison.OrdinalIgnoreCase)
        || anchor.Contains("заседани", StringComparison.OrdinalIgnoreCase) || anchor.Contains("утвержден", StringComparison.OrdinalIgnoreCase);
}
