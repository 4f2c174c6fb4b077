using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>
/// A calendar feed (iCalendar): each open item as an all-day event on its current due date (a window still in force
/// as a multi-day event), meetings as timed events in the council's zone with its VTIMEZONE. UIDs are stable per
/// item and meeting; an item's SEQUENCE goes up whenever its dates move; done items and cancelled meetings are left
/// out, so a subscribed calendar drops them.
/// </summary>
public sealed class CalendarFeedBuilder(CalendarFeedStore feeds, TimeProvider time)
{
    /// <param name="member">The member whose feed it is (their parties' open items); null: the council's (every open item).</param>
    /// <param name="baseUrl">The pages' address, for the link to each item.</param>
    public async Task<string> BuildAsync(CouncilSnapshot snapshot, MemberContact? member, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = time.GetUtcNow();
        var today = snapshot.Today(now);
        var council = snapshot.Council;
        var rows = ItemRow.Of(snapshot, today).Where(r => r.Due is not null && Shows(r, member)).ToList();
        var dates = rows.ToDictionary(r => UidOf(council.Slug, "item", r.Item.Id), Dates);
        var sequences = await feeds.SequencesAsync(council.Id, dates.ToDictionary(d => d.Key, d => Fingerprint(d.Value), StringComparer.Ordinal), ct);

        var calendar = new Ical.Net.Calendar { ProductId = "-//NokoBot//Feed//RU", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", WebPlanTexts.FeedName(council.Name, member is not null));
        calendar.AddProperty("X-WR-TIMEZONE", council.TimeZone);
        calendar.AddTimeZone(council.TimeZone);
        var stamp = new CalDateTime(now.UtcDateTime);
        foreach (var row in rows)
        {
            var uid = UidOf(council.Slug, "item", row.Item.Id);
            var (start, end) = dates[uid];
            calendar.Events.Add(new CalendarEvent
            {
                Uid = uid,
                Summary = WebPlanTexts.FeedItemSummary(row.Item.Number, row.Item.Title),
                Description = WebPlanTexts.FeedItemDescription(row.Item.Title, row.Item.Parties, row.Item.Deadline.Text, row.Item.Result,
                    baseUrl + CouncilPaths.Item(council.Slug, row.Item.Number)),
                DtStart = new CalDateTime(start),
                DtEnd = new CalDateTime(end.AddDays(1)),
                DtStamp = stamp,
                Sequence = sequences[uid],
                Transparency = TransparencyType.Transparent,
            });
        }
        foreach (var meeting in snapshot.Meetings.Select(m => m.Meeting).Where(m => !m.Cancelled))
        {
            var record = snapshot.Meeting(meeting.Id)!;
            var start = meeting.LocalStart;
            var end = start.AddMinutes(meeting.DurationMinutes);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = UidOf(council.Slug, "meeting", meeting.Id),
                Summary = WebPlanTexts.FeedMeetingSummary(council.Name),
                Location = meeting.Place,
                Description = string.Join("\n", snapshot.Agenda(record).Select((l, i) => $"{i + 1}. " + WebPlanTexts.AgendaLine(l.ItemNumber, l.Text))),
                DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, council.TimeZone),
                DtEnd = new CalDateTime(end.Year, end.Month, end.Day, end.Hour, end.Minute, 0, council.TimeZone),
                DtStamp = stamp,
                Sequence = meeting.Sequence,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary><c>item-12@desnogorsk.nokobot</c>: the same for as long as the item or meeting exists.</summary>
    public static string UidOf(string slug, string kind, long id) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{id}@{slug}.nokobot");

    /// <summary>A member sees the items their parties still owe; a secretary or chair without parties, and the council's feed, every open one.</summary>
    private static bool Shows(ItemRow row, MemberContact? member)
    {
        if (row.Progress.IsClosed) return false;
        if (member is null) return true;
        var mine = member.Actor.PartiesOf(row.Item.Parties);
        return mine.Any(row.Progress.IsOpenFor) || (mine.Count == 0 && member.Parties.Count == 0 && member.Actor.ActsOnAllItems);
    }

    private static (DateOnly Start, DateOnly End) Dates(ItemRow row) => row.Window ?? (row.Due!.Value, row.Due!.Value);

    private static string Fingerprint((DateOnly Start, DateOnly End) dates) =>
        string.Create(CultureInfo.InvariantCulture, $"{dates.Start:yyyy-MM-dd}/{dates.End:yyyy-MM-dd}");
}
