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

    /// <summary>Stores the file, writes the protocol on the agenda's items and reports what that closed and dated.</summary>
    /// <returns>null when the file is larger than 20 MB.</returns>
    public async Task<ProtocolOutcome?> AttachAsync(
        Council council, StoredMeeting meeting, string fileName, Func<Stream, CancellationToken, Task> content, CancellationToken ct)
    {
        var prepared = await PrepareAsync(council, meeting, fileName, content, ct);
        if (prepared is null) return null;
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await prepared.WriteAsync(connection, tx, ct);
            await tx.CommitAsync(ct);
        }
        return await OutcomeAsync(council, prepared, ct);
    }

    /// <summary>
    /// Stores the file and decides the writes, without making them: a caller with its own transaction (a Telegram
    /// update and its offset) runs <see cref="PreparedProtocol.WriteAsync"/> inside it.
    /// </summary>
    public async Task<PreparedProtocol?> PrepareAsync(
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
        var replies = items.Select(i => new Reply(i.Id, ReplyKind.Protocol, decided, Comment: $"протокол заседания {meeting.LocalStart:dd.MM.yyyy}", File: file)).ToList();
        return new PreparedProtocol(meeting, fileName, stored, before, [.. items.Select(i => i.Number)],
            [.. items.Where(i => ItemProgress.ProtocolClosesItem(i.Result)).Select(i => i.Number)], replies, meetings);
    }

    /// <summary>After the writes: which items the closure dated.</summary>
    public async Task<ProtocolOutcome> OutcomeAsync(Council council, PreparedProtocol prepared, CancellationToken ct)
    {
        var after = await snapshots.LoadAsync(council, ct);
        var today = CouncilClock.LocalDate(time.GetUtcNow(), after.Zone);
        var dated = (after.Plan?.Items ?? [])
            .Where(i => ReminderPlanner.AnchorDate(prepared.Before, i) is null && ReminderPlanner.AnchorDate(after, i) is not null)
            .Select(i => (i.Number, planner.CurrentDue(after, i, today) ?? today))
            .ToList();
        return new ProtocolOutcome(prepared.File, prepared.Recorded, prepared.Closed, dated);
    }
}

/// <summary>A protocol stored and ready to be recorded.</summary>
public sealed record PreparedProtocol(
    StoredMeeting Meeting, string FileName, StoredFile File, CouncilSnapshot Before, IReadOnlyList<string> Recorded,
    IReadOnlyList<string> Closed, IReadOnlyList<Reply> Replies, MeetingStore Meetings)
{
    public async Task WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, CancellationToken ct)
    {
        foreach (var reply in Replies) await ReplyStore.AppendAsync(connection, tx, reply, ct);
        await Meetings.SetProtocolAsync(connection, tx, Meeting.Id, FileName, File, ct);
    }
}
