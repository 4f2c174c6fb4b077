using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Meetings;
using NokoBot.Domain.Replies;
using NokoBot.Scheduling;
using NokoBot.Storage;

namespace NokoBot.Meetings;

/// <summary>Builds a meeting's agenda from the council's plan as it stands, with the secretary's edits.</summary>
public sealed class AgendaService(ReminderPlanner planner)
{
    public IReadOnlyList<ProposedLine> Agenda(CouncilSnapshot snapshot, StoredMeeting meeting, AgendaEdits edits)
    {
        var day = DateOnly.FromDateTime(meeting.LocalStart);
        var candidates = (snapshot.Plan?.Items ?? []).Select(item => new AgendaCandidate(
            item.Number, item.Title, item.Result, planner.CurrentDue(snapshot, item, day),
            ItemProgress.Of(item.Parties, snapshot.RepliesOf(item.Id), item.Result).IsClosed,
            item.Deadline is RelativeDeadline relative && ReminderPlanner.AnchorDate(snapshot, item) is null && AgendaBuilder.MeetingCanDate(relative.Anchor),
            item.Deadline is WindowDeadline window ? window.Start : null))
            .ToList();
        return AgendaBuilder.Propose(day, candidates, edits.Added, edits.Dropped, edits.Topics);
    }

    /// <summary>The domain meeting the email and calendar builders render.</summary>
    public static Meeting ToMeeting(StoredMeeting meeting, IReadOnlyList<ProposedLine> agenda) => new(
        meeting.Id, meeting.CouncilId, meeting.LocalStart, TimeSpan.FromMinutes(meeting.DurationMinutes), meeting.Place,
        [.. agenda.Select(l => new AgendaLine(l.Text, l.ItemNumber))], meeting.Sequence, meeting.Cancelled);
}
