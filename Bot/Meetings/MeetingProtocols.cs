using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Scheduling;
using NokoBot.Storage;

namespace NokoBot.Meetings;

/// <summary>What attaching a protocol did.</summary>
/// <param name="Closed">Agenda items whose planned result is a protocol: now closed.</param>
/// <param name="Dated">Items whose «после рассмотрения…» deadline the closure dated, with their new due date.</param>
public sealed record ProtocolOutcome(StoredFile File, IReadOnlyList<string> Recorded, IReadOnlyList<string> Closed, IReadOnlyList<(string Number, DateOnly Due)> Dated);

/// <summary>
/// A meeting's protocol: stored once by its SHA-256, recorded as a protocol reply on every plan item of the agenda
/// (closing those whose result is a protocol), in one transaction.
/// </summary>
public sealed class MeetingProtocols(SqliteDatabase database, MeetingStore meetings, ProtocolFiles files, AgendaService agendas,
    CouncilSnapshotStore snapshots, ReminderPlanner planner, TimeProvider time)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <returns>null when the file is larger than 20 MB.</returns>
    public async Task<ProtocolOutcome?> AttachAsync(
        Council council, StoredMeeting meeting, string fileName, Func<Stream, CancellationToken, Task> content, CancellationToken ct)
    {
        var stored = await files.SaveAsync(content, Path.GetExtension(fileName), MaxBytes, ct);
        if (stored is null) return null;
        var before = await snapshots.LoadAsync(council, ct);
        var agenda = agendas.Agenda(before, meeting, await meetings.EditsAsync(meeting.Id, ct));
        var items = agenda.Where(l => l.ItemNumber is not null)
            .Select(l => before.Plan!.Items.Single(i => i.Number == l.ItemNumber))
            .Where(i => !ItemProgress.Of(i.Parties, before.RepliesOf(i.Id), i.Result).IsClosed)
            .ToList();

        // The decisions were taken at the meeting: a protocol of a past meeting speaks for that day, which is what
        // «в течение 3 дней после рассмотрения…» counts from.
        var now = time.GetUtcNow();
        var held = CouncilClock.ToInstant(DateOnly.FromDateTime(meeting.LocalStart), TimeOnly.FromDateTime(meeting.LocalStart), before.Zone);
        var decided = held < now ? held : now;
        var file = new ProtocolFile(fileName, stored.Size, stored.Sha256, stored.Path);
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var item in items)
                await ReplyStore.AppendAsync(connection, tx, new Reply(item.Id, ReplyKind.Protocol, decided, Comment: $"протокол заседания {meeting.LocalStart:dd.MM.yyyy}", File: file), ct);
            await meetings.SetProtocolAsync(connection, tx, meeting.Id, fileName, stored, ct);
            await tx.CommitAsync(ct);
        }

        var after = await snapshots.LoadAsync(council, ct);
        var today = CouncilClock.LocalDate(now, after.Zone);
        var dated = (after.Plan?.Items ?? [])
            .Where(i => ReminderPlanner.AnchorDate(before, i) is null && ReminderPlanner.AnchorDate(after, i) is not null)
            .Select(i => (i.Number, planner.CurrentDue(after, i, today) ?? today))
            .ToList();
        var closed = items.Where(i => ItemProgress.ProtocolClosesItem(i.Result)).Select(i => i.Number).ToList();
        return new ProtocolOutcome(stored, [.. items.Select(i => i.Number)], closed, dated);
    }
}
