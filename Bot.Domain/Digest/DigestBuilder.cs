using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Replies;

namespace NokoBot.Domain.Digest;

/// <summary>A plan item as the digest needs it (storage maps its rows to this).</summary>
/// <param name="DueOverride">A date the secretary set.</param>
/// <param name="AnchorItemId">For a relative deadline: the item whose completion dates it.</param>
public sealed record DigestPlanItem(
    long Id, string Number, string Title, IReadOnlyList<string> Parties, Deadline Deadline, string Result,
    DateOnly? DueOverride = null, long? AnchorItemId = null);

/// <summary>An event the secretary recorded («поступление результатов НОКО») and the council-local day it happened.</summary>
public sealed record RecordedEvent(string Name, DateOnly On);

/// <summary>Builds the weekly digest from a plan's state. Pure: everything, including today, comes in.</summary>
public static class DigestBuilder
{
    /// <summary>How far ahead «due soon» looks.</summary>
    public const int DueSoonDays = 14;

    /// <summary>«This week»: the 7 council-local days ending today.</summary>
    public const int WeekDays = 7;

    /// <param name="planYear">The plan's year: the occurrences of recurring and series items are that year's.</param>
    /// <param name="events">Recorded events: they date relative deadlines whose anchor they match.</param>
    /// <param name="zone">The council's zone: reply instants become council-local days.</param>
    /// <param name="today">Council-local today.</param>
    /// <param name="nextMeeting">The next scheduled (not cancelled) meeting, if any.</param>
    /// <summary>A meeting's protocol is expected within a week; after that the digest asks for it.</summary>
    public const int ProtocolGraceDays = 7;

    /// <returns>null when every section is empty: no items, no email.</returns>
    public static Digest? Build(
        string councilName,
        IReadOnlyList<DigestPlanItem> items,
        int planYear,
        IReadOnlyList<Reply> replies,
        IReadOnlyList<RecordedEvent> events,
        TimeZoneInfo zone,
        DateOnly today,
        ProductionCalendar calendar,
        Meeting? nextMeeting,
        IReadOnlyList<Meeting>? meetingsWithoutProtocol = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(events);
        var byItem = replies.ToLookup(r => r.ItemId);
        var weekStart = today.AddDays(-(WeekDays - 1));
        var soonEnd = today.AddDays(DueSoonDays);

        List<DigestItem> overdue = [], dueSoon = [], awaiting = [];
        List<DoneItem> done = [];
        List<PostponedItem> postponed = [];
        var closed = 0;

        var progressById = items.ToDictionary(i => i.Id, i => Progress(i, planYear, [.. byItem[i.Id]], zone, today));

        foreach (var item in items)
        {
            var itemReplies = byItem[item.Id].OrderBy(r => r.At).ToList();
            var progress = progressById[item.Id];
            var anchor = AnchorDate(item, events, progressById, zone);
            // An item due several times: the occurrence owed now.
            var due = progress.Occurrence?.Due ?? DueDates.Current(item.Deadline, progress.PostponedTo, item.DueOverride, anchor, calendar, today);
            var line = new DigestItem(item.Id, item.Number, item.Title, item.Parties, item.Deadline.Text, due);

            if (progress.IsClosed)
            {
                closed++;
                var doneOn = LocalDay(progress.ClosedAt!.Value, zone);
                if (doneOn >= weekStart && doneOn <= today) done.Add(new DoneItem(line, doneOn));
            }
            else if (due is { } d)
            {
                if (d < today) overdue.Add(line);
                else if (d <= soonEnd) dueSoon.Add(line);
            }

            // Only postponements made this week: older ones already show as the item's current due date. (An item due
            // several times: a postponement of the occurrence owed now.)
            var lastPostpone = itemReplies.LastOrDefault(x => x.Kind == ReplyKind.Postponed && x.NewDate is not null);
            if (!progress.IsClosed && lastPostpone is not null && LocalDay(lastPostpone.At, zone) >= weekStart
                && (!progress.Repeats || progress.PostponedTo == lastPostpone.NewDate))
            {
                var before = progress.PostponedFrom
                    ?? DueDates.Current(item.Deadline, null, item.DueOverride, anchor, calendar, today);
                postponed.Add(new PostponedItem(line, before, lastPostpone.NewDate!.Value, lastPostpone.Comment));
            }

            if (ItemProgress.ProtocolClosesItem(item.Result) && progress.Protocol is null
                && (progress.IsClosed || progress.DoneParties.Count > 0 || due < today))
                awaiting.Add(line);
        }

        var missingProtocols = (meetingsWithoutProtocol ?? []).Where(m => !m.Cancelled && m.Day.AddDays(ProtocolGraceDays) <= today).ToList();
        if (overdue.Count + dueSoon.Count + done.Count + postponed.Count + awaiting.Count + missingProtocols.Count == 0) return null;

        // OrderBy is stable: items due the same day keep plan order.
        return new Digest(
            councilName, today, [.. overdue.OrderBy(i => i.Due)], [.. dueSoon.OrderBy(i => i.Due)], done, postponed, awaiting,
            nextMeeting is { Cancelled: false } m && m.Day >= today ? m : null,
            new DigestTotals(items.Count, closed, overdue.Count, dueSoon.Count, done.Count, postponed.Count, awaiting.Count),
            missingProtocols);
    }

    private static ItemProgress Progress(DigestPlanItem item, int planYear, List<Reply> replies, TimeZoneInfo zone, DateOnly today)
    {
        var protocolCloses = ItemProgress.ProtocolClosesItem(item.Result);
        return ItemOccurrences.Of(item.Deadline, item.DueOverride, planYear, item.Parties, replies, protocolCloses, zone) is { } occurrences
            ? ItemProgress.Of(occurrences, replies, today)
            : ItemProgress.Of(item.Parties, replies, protocolCloses);
    }

    /// <summary>The day a relative deadline starts counting from (<see cref="AnchorDates"/>).</summary>
    private static DateOnly? AnchorDate(
        DigestPlanItem item, IReadOnlyList<RecordedEvent> events, Dictionary<long, ItemProgress> progress, TimeZoneInfo zone)
    {
        if (item.Deadline is not RelativeDeadline relative) return null;
        DateOnly? linkedClosed = item.AnchorItemId is { } id && progress.TryGetValue(id, out var linked) && linked.ClosedAt is { } at
            ? LocalDay(at, zone) : null;
        return AnchorDates.Of(relative, linkedClosed, events.Select(e => (e.Name, e.On)));
    }

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
