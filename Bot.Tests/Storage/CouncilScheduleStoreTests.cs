using Microsoft.Extensions.Time.Testing;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

/// <summary>Where a council's planning starts when the service first sees it: never the year's past on a fresh install.</summary>
public abstract class CouncilScheduleStoreTests(TestStorage storage) : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 29, 6, 0, 0, TimeSpan.Zero));
    private TempDatabase? _db;

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(CouncilScheduleStore Store, StateStore State, CouncilStore Councils)> CreateAsync()
    {
        _db = await storage.CreateMigratedAsync(_time, _ct);
        var state = new StateStore(_db.Database, _time);
        return (new CouncilScheduleStore(_db.Database, state, _time), state, new CouncilStore(_db.Database, _time));
    }

    [Fact]
    public async Task On_a_fresh_install_councils_start_from_now_and_are_due_at_once()
    {
        var (store, _, councils) = await CreateAsync();
        var council = (await councils.AddAsync("desnogorsk", "Совет", "Europe/Moscow", _ct))!;
        _time.Advance(TimeSpan.FromDays(30)); // created a month before the service first ran

        var adopted = Assert.Single(await store.AdoptNewAsync(_ct));

        Assert.Equal(council.Id, adopted.Schedule.Council.Id);
        Assert.Equal(_time.GetUtcNow(), adopted.NextAt);
        Assert.Equal(_time.GetUtcNow(), await store.SweptUntilAsync(council.Id, DateTimeOffset.MinValue, _ct));
    }

    [Fact]
    public async Task After_the_upgrade_councils_resume_from_the_single_sweeps_mark_and_later_ones_from_the_last_look()
    {
        var (store, state, councils) = await CreateAsync();
        var old = (await councils.AddAsync("desnogorsk", "Совет", "Europe/Moscow", _ct))!;
        var swept = _time.GetUtcNow();
        await state.SetInstantAsync(StateKeys.SweptUntil, swept, _ct);
        _time.Advance(TimeSpan.FromHours(5)); // down for five hours, then started with per-council schedules

        Assert.Single(await store.AdoptNewAsync(_ct));
        Assert.Equal(swept, await store.SweptUntilAsync(old.Id, DateTimeOffset.MinValue, _ct));

        var look = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        var added = (await councils.AddAsync("zeya", "Совет", "Asia/Yakutsk", _ct))!;
        Assert.Equal(added.Id, Assert.Single(await store.AdoptNewAsync(_ct)).Schedule.Council.Id);
        Assert.Equal(look, await store.SweptUntilAsync(added.Id, DateTimeOffset.MinValue, _ct));
        Assert.Empty(await store.AdoptNewAsync(_ct));
    }

    [Fact]
    public async Task Start_up_lists_every_council_with_its_stored_instant_in_one_query()
    {
        var (store, _, councils) = await CreateAsync();
        var a = (await councils.AddAsync("a", "Совет", "Europe/Moscow", _ct))!;
        var b = (await councils.AddAsync("b", "Совет", "Asia/Yakutsk", _ct))!;
        var at = _time.GetUtcNow().AddHours(2);
        await store.SaveAsync(a.Id, _time.GetUtcNow(), at, _ct);

        var listed = await store.ListAsync(_ct);

        Assert.Equal([(a.Id, (DateTimeOffset?)at), (b.Id, null)], listed.Select(c => (c.Schedule.Council.Id, c.NextAt)));
        Assert.Equal("Asia/Yakutsk", listed[1].Schedule.Zone.Id);
    }
}

public sealed class CouncilScheduleStoreTestsOnSqlite() : CouncilScheduleStoreTests(TestStorage.Sqlite);

public sealed class CouncilScheduleStoreTestsOnPostgres(PostgresServerFixture postgres) : CouncilScheduleStoreTests(TestStorage.Postgres(postgres));
