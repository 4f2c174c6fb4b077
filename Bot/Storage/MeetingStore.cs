using System.Data.Common;
using System.Globalization;
using Dapper;

namespace NokoBot.Storage;

/// <summary>A meeting as stored; <see cref="LocalStart"/> is council-local wall-clock time.</summary>
public sealed record StoredMeeting(
    long Id, long CouncilId, DateTime LocalStart, int DurationMinutes, string Place, int Sequence, bool Cancelled,
    string? ProtocolName, string? ProtocolSha256, DateTimeOffset? ProtocolAt);

/// <summary>The secretary's changes to a proposed agenda.</summary>
public sealed record AgendaEdits(IReadOnlyList<string> Added, IReadOnlyList<string> Dropped, IReadOnlyList<string> Topics);

public sealed class MeetingStore(Database database, TimeProvider time)
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    private const string Columns = """
        id AS Id, council_id AS CouncilId, starts_local AS StartsLocal, duration_minutes AS DurationMinutes, place AS Place,
        sequence AS Sequence, cancelled AS Cancelled, protocol_name AS ProtocolName, protocol_sha256 AS ProtocolSha256, protocol_at AS ProtocolAt
        """;

    public async Task<long> AddAsync(long councilId, DateTime localStart, string place, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await AddAsync(connection, null, councilId, localStart, place, ct);
    }

    public Task<long> AddAsync(DbConnection connection, DbTransaction? tx, long councilId, DateTime localStart, string place, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO meetings (council_id, starts_local, place, created_at) VALUES (@councilId, @start, @place, @now) RETURNING id",
            new { councilId, start = Format(localStart), place, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));

    public async Task<IReadOnlyList<StoredMeeting>> ListAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM meetings WHERE council_id = @councilId ORDER BY starts_local, id", new { councilId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToMeeting())];
    }

    /// <summary>The council's meetings with the secretary's agenda edits: one query per table.</summary>
    public async Task<IReadOnlyList<MeetingRecord>> ListWithEditsAsync(long councilId, CancellationToken ct)
    {
        var meetings = await ListAsync(councilId, ct);
        if (meetings.Count == 0) return [];
        await using var connection = await database.OpenAsync(ct);
        var edits = (await connection.QueryAsync<EditRow>(new CommandDefinition(
            """
            SELECT e.meeting_id AS MeetingId, e.item_number AS Number, e.topic AS Topic, e.dropped AS Dropped
            FROM meeting_agenda_edits e JOIN meetings m ON m.id = e.meeting_id WHERE m.council_id = @councilId ORDER BY e.id
            """, new { councilId }, cancellationToken: ct))).ToLookup(e => e.MeetingId);
        return [.. meetings.Select(m => new MeetingRecord(m, ToEdits(edits[m.Id])))];
    }

    public async Task<StoredMeeting?> FindAsync(long councilId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM meetings WHERE council_id = @councilId AND id = @id", new { councilId, id }, cancellationToken: ct));
        return row?.ToMeeting();
    }

    /// <summary>A new time (and place): the sequence grows so invitations are replaced.</summary>
    public async Task MoveAsync(long id, DateTime localStart, string? place, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE meetings SET starts_local = @start, place = COALESCE(@place, place), sequence = sequence + 1 WHERE id = @id",
            new { id, start = Format(localStart), place }, cancellationToken: ct));
    }

    public async Task CancelAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE meetings SET cancelled = 1, sequence = sequence + 1 WHERE id = @id AND cancelled = 0", new { id }, cancellationToken: ct));
    }

    public async Task EditAgendaAsync(long id, IEnumerable<string> add, IEnumerable<string> drop, IEnumerable<string> topics, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var number in add)
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM meeting_agenda_edits WHERE meeting_id = @id AND item_number = @number; INSERT INTO meeting_agenda_edits (meeting_id, item_number) VALUES (@id, @number)",
                new { id, number }, tx, cancellationToken: ct));
        foreach (var number in drop)
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM meeting_agenda_edits WHERE meeting_id = @id AND item_number = @number; INSERT INTO meeting_agenda_edits (meeting_id, item_number, dropped) VALUES (@id, @number, 1)",
                new { id, number }, tx, cancellationToken: ct));
        foreach (var topic in topics)
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO meeting_agenda_edits (meeting_id, topic) VALUES (@id, @topic)", new { id, topic }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<AgendaEdits> EditsAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EditRow>(new CommandDefinition(
            "SELECT meeting_id AS MeetingId, item_number AS Number, topic AS Topic, dropped AS Dropped FROM meeting_agenda_edits WHERE meeting_id = @id ORDER BY id",
            new { id }, cancellationToken: ct));
        return ToEdits(rows);
    }

    private static AgendaEdits ToEdits(IEnumerable<EditRow> rows)
    {
        var list = rows.ToList();
        return new AgendaEdits(
            [.. list.Where(r => r.Number is not null && r.Dropped == 0).Select(r => r.Number!)],
            [.. list.Where(r => r.Number is not null && r.Dropped != 0).Select(r => r.Number!)],
            [.. list.Where(r => r.Topic is not null).Select(r => r.Topic!)]);
    }

    public Task SetProtocolAsync(DbConnection connection, DbTransaction? tx, long id, string name, StoredFile file, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE meetings SET protocol_name = @name, protocol_sha256 = @Sha256, protocol_path = @Path, protocol_at = @now WHERE id = @id",
            new { id, name, file.Sha256, file.Path, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));

    private static string Format(DateTime local) => local.ToString(LocalFormat, CultureInfo.InvariantCulture);

    private sealed class EditRow
    {
        public long MeetingId { get; set; }
        public string? Number { get; set; }
        public string? Topic { get; set; }
        public long Dropped { get; set; }
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public long CouncilId { get; set; }
        public string StartsLocal { get; set; } = "";
        public long DurationMinutes { get; set; }
        public string Place { get; set; } = "";
        public long Sequence { get; set; }
        public long Cancelled { get; set; }
        public string? ProtocolName { get; set; }
        public string? ProtocolSha256 { get; set; }
        public long? ProtocolAt { get; set; }

        public StoredMeeting ToMeeting() => new(
            Id, CouncilId, DateTime.ParseExact(StartsLocal, LocalFormat, CultureInfo.InvariantCulture), (int)DurationMinutes, Place,
            (int)Sequence, Cancelled != 0, ProtocolName, ProtocolSha256, ProtocolAt is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(ProtocolAt.Value));
    }
}
