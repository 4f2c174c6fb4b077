using Dapper;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

public abstract class PlanStoreTests(TestStorage storage)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 1, 10, 9, 0, 0, TimeSpan.Zero));

    private static PlanItem Item(string number, string title, Deadline deadline, params string[] parties) =>
        new(number, null, title, parties, deadline.Text, deadline, "протокол заседания");

    private static readonly PlanImport Original = new(
    [
        Item("1", "Обсуждение плана", new WindowDeadline("январь - март", new(2020, 1, 1), new(2020, 3, 31)), "Комитет по образованию", "Общественный совет"),
        Item("2", "Определение перечня", new UnscheduledDeadline(""), "Общественный совет"),
        Item("3", "Проведение торгов", new RecurringDeadline("ежеквартально до 5 числа", RecurrencePeriod.Quarter, 5, Following: true, AtLeast: true), "Комитет по образованию"),
        Item("8", "Обсуждение результатов", new RelativeDeadline("в течение 10 дней со дня поступления", 10, RelativeUnit.Days, "поступления информации"), "Общественный совет"),
    ], []);

    private async Task<(TempDatabase Db, PlanStore Store, long CouncilId)> SetUpAsync()
    {
        var db = await storage.CreateMigratedAsync(_time, _ct);
        var council = await new CouncilStore(db.Database, _time).AddAsync("desnogorsk", "Совет", "Europe/Moscow", _ct);
        return (db, new PlanStore(db.Database, _time), council!.Id);
    }

    [Fact]
    public async Task An_imported_plan_reads_back_with_its_deadlines_and_parties()
    {
        var (db, store, councilId) = await SetUpAsync();
        using var _ = db;

        var outcome = await store.ImportAsync(councilId, 2020, "plan.txt", "sha-1", Original, _ct);
        var plan = await store.FindAsync(councilId, 2020, _ct);

        Assert.Equal(4, outcome.Added);
        Assert.NotNull(plan);
        Assert.Equal(["1", "2", "3", "8"], plan.Items.Select(i => i.Number));
        Assert.Equal(Original.Items.Select(i => i.Deadline), plan.Items.Select(i => i.Deadline));
        Assert.Equal(["Комитет по образованию", "Общественный совет"], plan.Items[0].Parties);
        Assert.Equal(["Комитет по образованию", "Общественный совет"], plan.UnlinkedParties);
    }

    [Fact]
    public async Task A_series_and_a_recurring_deadline_with_its_day_read_back_as_imported()
    {
        var (db, store, councilId) = await SetUpAsync();
        using var _ = db;
        var import = new PlanImport(
        [
            Item("1", "Отчёты", new SeriesDeadline("май и октябрь", [new(new(2020, 5, 1), new(2020, 5, 31)), new(new(2020, 10, 1), new(2020, 10, 31))]), "Совет"),
            Item("2", "Сведения", new RecurringDeadline("ежемесячно до 5 числа", RecurrencePeriod.Month, 5), "Совет"),
        ], []);

        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-s", import, _ct);
        var plan = await store.FindAsync(councilId, 2020, _ct);

        Assert.Equal(import.Items.Select(i => i.Deadline), plan!.Items.Select(i => i.Deadline));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var (db, store, councilId) = await SetUpAsync();
        using var _ = db;
        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-1", Original, _ct);

        var again = await store.ImportAsync(councilId, 2020, "plan.txt", "sha-1", Original, _ct);

        Assert.True(again.Unchanged);
        Assert.Equal(4, (await store.FindAsync(councilId, 2020, _ct))!.Items.Count);
    }

    [Fact]
    public async Task A_changed_file_updates_items_by_number_and_keeps_their_replies()
    {
        var (db, store, councilId) = await SetUpAsync();
        using var _ = db;
        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-1", Original, _ct);
        var first = (await store.FindAsync(councilId, 2020, _ct))!;
        await using (var connection = await db.Database.OpenAsync(_ct))
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO replies (item_id, kind, comment, created_at) VALUES (@id, 'done', 'готово', 0)",
                new { id = first.Items[0].Id }, cancellationToken: _ct));

        var changed = new PlanImport(
        [
            Item("1", "Обсуждение плана работы", new WindowDeadline("январь - апрель", new(2020, 1, 1), new(2020, 4, 30)), "Общественный совет"),
            Original.Items[1],
            Item("9", "Размещение информации", new UnscheduledDeadline(""), "Комитет по образованию"),
        ], []);
        var outcome = await store.ImportAsync(councilId, 2020, "plan-v2.txt", "sha-2", changed, _ct);
        var plan = (await store.FindAsync(councilId, 2020, _ct))!;

        Assert.Equal((1, 2, 2), (outcome.Added, outcome.Updated, outcome.Removed));
        Assert.Equal(["1", "2", "9"], plan.Items.Select(i => i.Number));
        Assert.Equal(first.Items[0].Id, plan.Items[0].Id);
        Assert.Equal("Обсуждение плана работы", plan.Items[0].Title);
        Assert.Equal(["Общественный совет"], plan.Items[0].Parties);
        Assert.Equal("plan-v2.txt", plan.SourceFile);
        await using var check = await db.Database.OpenAsync(_ct);
        Assert.Equal(1L, await check.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM replies WHERE item_id = @id", new { id = plan.Items[0].Id }, cancellationToken: _ct)));
    }

    [Fact]
    public async Task An_item_dropped_and_brought_back_is_the_same_item()
    {
        var (db, store, councilId) = await SetUpAsync();
        using var _ = db;
        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-1", Original, _ct);
        var id8 = (await store.FindAsync(councilId, 2020, _ct))!.Items.Single(i => i.Number == "8").Id;

        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-2", new PlanImport([.. Original.Items.Take(3)], []), _ct);
        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-3", Original, _ct);

        Assert.Equal(id8, (await store.FindAsync(councilId, 2020, _ct))!.Items.Single(i => i.Number == "8").Id);
    }

    [Fact]
    public async Task A_deadline_after_reviewing_the_results_is_linked_to_the_item_that_reviews_them()
    {
        var (db, store, councilId) = await SetUpAsync();
        using var _ = db;
        var review = Item("8", "Обсуждение результатов НОКО на заседании Общественного совета", new UnscheduledDeadline(""), "Общественный совет");
        var publish = Item("9", "Размещение информации о результатах НОКО", new RelativeDeadline("в течение 3 дней после рассмотрения результатов НОКО", 3, RelativeUnit.Days, "рассмотрения результатов НОКО"), "Комитет по образованию");

        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-1", new PlanImport([review, publish], []), _ct);
        var plan = (await store.FindAsync(councilId, 2020, _ct))!;

        Assert.Equal(plan.Items[0].Id, plan.Items[1].AnchorItemId);
        Assert.Null(plan.Items[0].AnchorItemId);
    }

    [Fact]
    public async Task A_changed_file_links_a_kept_item_to_the_review_added_before_it()
    {
        var (db, store, councilId) = await SetUpAsync();
        using var _ = db;
        var publish = Item("9", "Размещение информации о результатах НОКО", new RelativeDeadline("в течение 3 дней после рассмотрения результатов НОКО", 3, RelativeUnit.Days, "рассмотрения результатов НОКО"), "Комитет по образованию");
        var review = Item("8", "Обсуждение результатов НОКО на заседании Общественного совета", new UnscheduledDeadline(""), "Общественный совет");
        await store.ImportAsync(councilId, 2020, "plan.txt", "sha-1", new PlanImport([publish], []), _ct);

        var outcome = await store.ImportAsync(councilId, 2020, "plan.txt", "sha-2", new PlanImport([review, publish], []), _ct);
        var plan = (await store.FindAsync(councilId, 2020, _ct))!;

        Assert.Equal((1, 1), (outcome.Added, outcome.Updated));
        Assert.Equal(["8", "9"], plan.Items.Select(i => i.Number));
        Assert.Equal(plan.Items[0].Id, plan.Items[1].AnchorItemId);
    }
}

public sealed class PlanStoreTestsOnSqlite() : PlanStoreTests(TestStorage.Sqlite);

public sealed class PlanStoreTestsOnPostgres(PostgresServerFixture postgres) : PlanStoreTests(TestStorage.Postgres(postgres));
