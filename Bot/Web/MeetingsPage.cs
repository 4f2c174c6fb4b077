using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>The council's meetings, latest first: when and where, the agenda as it stands, the protocol to download.</summary>
public static class MeetingsPage
{
    public static string Render(WebVisitor visitor, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var snapshot = visitor.Snapshot;
        var html = new WebHtml().Element("h1", WebPlanTexts.MeetingsTitle);
        if (snapshot.Meetings.Count == 0) html.Element("p", WebPlanTexts.NoMeetings);
        foreach (var record in snapshot.Meetings.OrderByDescending(m => m.Meeting.LocalStart))
        {
            var meeting = record.Meeting;
            html.Open("section", ("class", meeting.Cancelled ? "meeting cancelled" : "meeting"));
            html.Open("h2").Text(WebPlanTexts.MeetingHeading(meeting.LocalStart, meeting.Place));
            if (meeting.Cancelled) html.Text(" (" + WebPlanTexts.Cancelled + ")");
            html.Close("h2");
            var agenda = snapshot.Agenda(record);
            html.Element("h3", WebPlanTexts.Agenda);
            if (agenda.Count == 0) html.Element("p", WebPlanTexts.EmptyAgenda, ("class", "muted"));
            else
            {
                html.Raw("<ol>");
                foreach (var line in agenda)
                {
                    html.Raw("<li>");
                    if (line.ItemNumber is { } number) html.Link(CouncilPaths.Item(visitor.Slug, number), WebPlanTexts.AgendaLine(number, line.Text));
                    else html.Text(line.Text);
                    html.Raw("</li>");
                }
                html.Raw("</ol>");
            }
            html.Raw("<p>").Text(WebPlanTexts.Protocol + ": ");
            if (meeting.ProtocolName is { } name && meeting.ProtocolSha256 is { } sha) html.Link(CouncilPaths.File(visitor.Slug, sha), name);
            else html.Text(WebPlanTexts.NoProtocol);
            html.Raw("</p>").Close("section");
        }
        return Layout.Council(visitor, Section.Meetings, WebPlanTexts.MeetingsTitle, html.ToString(), antiforgery);
    }
}
