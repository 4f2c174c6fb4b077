using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Reports;

/// <summary>Builds a <see cref="YearReport"/> from the council's state: the plan of that year, its replies, members and meetings.</summary>
public static class YearReportBuilder
{
    /// <param name="snapshot">The council, holding the plan of the report's year.</param>
    /// <param name="now">When the report is made: open items past their due date then are overdue.</param>
    /// <param name="secretaryName">Who a reply without a party or member was made by (the server's administrator).</param>
    public static YearReport Build(CouncilSnapshot snapshot, DateTimeOffset now, string secretaryName)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plan = snapshot.Plan ?? throw new ArgumentException("The snapshot holds no plan.", nameof(snapshot));
        var asOf = snapshot.Today(now);
        var yearEnd = new DateOnly(plan.Year, 12, 31);
        var zone = snapshot.Zone;
        var items = plan.Items.Select(item =>
        {
            var progress = snapshot.Progress(item, asOf < yearEnd ? asOf : yearEnd);
            var replies = snapshot.RepliesOf(item.Id).OrderBy(r => r.At).ToList();
            var due = snapshot.CurrentDue(item, asOf < yearEnd ? asOf : yearEnd);
            var status = progress.IsClosed ? ItemStatus.Done : due is { } d && d < asOf ? ItemStatus.Overdue : ItemStatus.Open;
            string Who(Reply r) => r.Party ?? (r.MemberId is { } id ? snapshot.Member(id)?.Name : null) ?? secretaryName;
            return new ReportItem(item.Number, item.Section, item.Title, item.Parties, item.Deadline.Text, due, status,
                [.. replies.Where(r => r.Kind is ReplyKind.Done or ReplyKind.Closed).Select(r => new DoneMark(Who(r), CouncilClock.ToLocal(r.At, zone)))],
                [.. replies.Where(r => r.Kind == ReplyKind.Postponed && r.NewDate is not null)
                    .Select(r => new Postponement(r.NewDate!.Value, r.Comment, CouncilClock.ToLocal(r.At, zone)))],
                [.. replies.Where(r => r.Kind == ReplyKind.Protocol && r.File is not null)
                    .Select(r => new ProtocolMark(r.File!.FileName, CouncilClock.ToLocal(r.At, zone), r.File.Sha256))]);
        }).ToList();
        var parties = items.SelectMany(i => i.Parties.Select(p => (Party: p, i.Status))).GroupBy(x => x.Party, StringComparer.Ordinal)
            .Select(g => new PartySummary(g.Key, g.Count(x => x.Status == ItemStatus.Done), g.Count(x => x.Status == ItemStatus.Open), g.Count(x => x.Status == ItemStatus.Overdue)))
            .OrderBy(p => p.Party, StringComparer.Ordinal).ToList();
        var meetings = snapshot.Meetings
            .Where(m => !m.Meeting.Cancelled && m.Meeting.LocalStart.Year == plan.Year && DateOnly.FromDateTime(m.Meeting.LocalStart) <= asOf)
            .OrderBy(m => m.Meeting.LocalStart)
            .Select(m => new ReportMeeting(m.Meeting.LocalStart, m.Meeting.Place,
                [.. snapshot.Agenda(m).Select(l => l.ItemNumber is null ? l.Text : $"{l.ItemNumber}. {l.Text}")], m.Meeting.ProtocolName))
            .ToList();
        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var due = items.Where(i => i.EndedDue is { } d && d.Year == plan.Year && d.Month == month).ToList();
            return new MonthTally(month, due.Count(i => i.Status == ItemStatus.Done), due.Count(i => i.Status != ItemStatus.Done));
        }).ToList();
        return new YearReport(snapshot.Council.Name, plan.Year, asOf, items, parties, meetings, months);
    }
}
