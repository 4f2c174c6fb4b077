using NokoBot.Texts;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NokoBot.Domain.Meetings;

namespace NokoBot.Email;

/// <summary>
/// The <c>.ics</c> invitation of a meeting: METHOD:REQUEST (CANCEL when cancelled), times in the council's
/// zone with its VTIMEZONE, a UID stable per meeting and SEQUENCE from the meeting, so an update replaces the
/// earlier invitation in the recipient's calendar.
/// </summary>
public static class MeetingCalendar
{
    public static string UidOf(Meeting meeting, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(fromAddress);
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 ? fromAddress[(at + 1)..] : "nokobot.local";
        return $"meeting-{meeting.CouncilId}-{meeting.Id}@{domain}";
    }

    public static string Build(
        Meeting meeting, string councilName, string timeZone, string organizerAddress, string organizerName,
        IEnumerable<string> attendees, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var calendar = new Calendar
        {
            Method = meeting.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Request,
            ProductId = "-//NokoBot//Meetings//RU",
        };
        calendar.AddTimeZone(timeZone);
        var start = meeting.LocalStart;
        var end = start + meeting.Duration;
        var ev = new CalendarEvent
        {
            Uid = UidOf(meeting, organizerAddress),
            Summary = EmailTexts.MeetingSummary(councilName),
            Location = meeting.Place,
            Description = string.Join("\n", DigestEmail.AgendaLines(meeting)),
            DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, timeZone),
            DtEnd = new CalDateTime(end.Year, end.Month, end.Day, end.Hour, end.Minute, end.Second, timeZone),
            DtStamp = new CalDateTime(stamp.UtcDateTime),
            Sequence = meeting.Sequence,
            Status = meeting.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{organizerAddress}") { CommonName = organizerName },
        };
        foreach (var address in attendees)
        {
            ev.Attendees.Add(new Attendee($"mailto:{address}")
            {
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = EventParticipationStatus.NeedsAction,
                Rsvp = true,
            });
        }
        calendar.Events.Add(ev);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
