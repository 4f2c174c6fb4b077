using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;

namespace NokoBot.Storage;

/// <summary>Reads <see cref="CouncilSnapshot"/>s: each table once, through the store that owns it.</summary>
public sealed class CouncilSnapshotStore(
    Database database, CouncilStore councils, PlanStore plans, ReplyStore replies, CouncilEventStore events,
    MemberDirectory members, MeetingStore meetings, StateStore state, ProductionCalendar calendar)
{
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web);

    private long _loads;

    /// <summary>Snapshots read since the process started: the health line reports it (a reply should cost one, start-up none).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Every council's snapshot, one at a time: a pass over ten thousand councils holds one plan, not all of them.</summary>
    public async IAsyncEnumerable<CouncilSnapshot> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var council in await councils.ListAsync(ct)) yield return await LoadAsync(council, ct);
    }

    /// <returns>null when no council has that id (it was removed).</returns>
    public async Task<CouncilSnapshot?> LoadAsync(long councilId, CancellationToken ct) =>
        await councils.FindAsync(councilId, ct) is { } council ? await LoadAsync(council, ct) : null;

    public async Task<CouncilSnapshot> LoadAsync(Council council, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(council);
        Interlocked.Increment(ref _loads);
        var plan = await plans.FindAsync(council.Id, null, ct);
        var settings = await SettingsAsync(council.Id, ct);
        var group = await state.GetAsync(StateKeys.TelegramGroup(council.Id), ct);
        return new CouncilSnapshot(
            council,
            settings,
            TimeZoneInfo.FindSystemTimeZoneById(council.TimeZone),
            plan,
            plan is null ? [] : await replies.ForPlanAsync(plan.Id, ct),
            await events.ForCouncilAsync(council.Id, ct),
            await members.ContactsAsync(council.Id, ct),
            await meetings.ListWithEditsAsync(council.Id, ct),
            long.TryParse(group, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat) ? chat : null,
            calendar);
    }

    public async Task<CouncilSettings> SettingsAsync(long councilId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return ParseSettings(await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT settings FROM councils WHERE id = @councilId", new { councilId }, cancellationToken: ct)));
    }

    public static CouncilSettings ParseSettings(string? json) =>
        string.IsNullOrWhiteSpace(json) ? CouncilSettings.Default
            : JsonSerializer.Deserialize<CouncilSettings>(json, SettingsJson) ?? CouncilSettings.Default;
}
