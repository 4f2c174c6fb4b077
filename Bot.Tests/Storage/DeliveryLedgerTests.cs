using Microsoft.Extensions.Time.Testing;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

public abstract class DeliveryLedgerTests(TestStorage storage)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 23, 7, 0, 0, TimeSpan.Zero));

    private async Task<(TempDatabase Db, DeliveryLedger Ledger, DeliveryRequest Request)> SetUpAsync()
    {
        var db = await storage.CreateMigratedAsync(_time, _ct);
        var council = await new CouncilStore(db.Database, _time).AddAsync("desnogorsk", "Совет", "Europe/Moscow", _ct);
        var key = DeliveryKey.Create(DeliveryKey.ItemOccurrence(4, new DateOnly(2020, 6, 30)), ReminderKind.Before, "member:7", "telegram", 7);
        var request = new DeliveryRequest(key, council!.Id, null, null, ReminderKind.Before, "telegram", "member:7", _time.GetUtcNow());
        return (db, new DeliveryLedger(db.Database, _time), request);
    }

    [Fact]
    public async Task The_same_delivery_is_written_once()
    {
        var (db, ledger, request) = await SetUpAsync();
        using var _ = db;

        Assert.True(await ledger.EnqueueAsync(request, _ct));
        Assert.False(await ledger.EnqueueAsync(request, _ct));
        Assert.Single(await ledger.PendingAsync(_time.GetUtcNow(), 10, _ct));
    }

    [Fact]
    public async Task A_sent_delivery_is_no_longer_pending_and_cannot_be_sent_again()
    {
        var (db, ledger, request) = await SetUpAsync();
        using var _ = db;
        await ledger.EnqueueAsync(request, _ct);

        await ledger.MarkSentAsync(request.Key, "msg-1", _ct);
        await ledger.EnqueueAsync(request, _ct);

        Assert.Empty(await ledger.PendingAsync(_time.GetUtcNow(), 10, _ct));
        var entry = await ledger.FindAsync(request.Key, _ct);
        Assert.Equal((DeliveryStatus.Sent, "msg-1", 1), (entry!.Status, entry.ExternalId, entry.Attempts));
    }

    [Fact]
    public async Task A_transient_failure_waits_for_its_retry_time_and_a_permanent_one_ends_the_delivery()
    {
        var (db, ledger, request) = await SetUpAsync();
        using var _ = db;
        await ledger.EnqueueAsync(request, _ct);

        await ledger.MarkFailedAsync(request.Key, "429", permanent: false, _time.GetUtcNow().AddSeconds(30), _ct);
        var notYet = await ledger.PendingAsync(_time.GetUtcNow(), 10, _ct);
        var later = await ledger.PendingAsync(_time.GetUtcNow().AddSeconds(30), 10, _ct);
        await ledger.MarkFailedAsync(request.Key, "403 blocked", permanent: true, null, _ct);

        Assert.Empty(notYet);
        Assert.Single(later);
        var entry = await ledger.FindAsync(request.Key, _ct);
        Assert.Equal((DeliveryStatus.Failed, 2, "403 blocked"), (entry!.Status, entry.Attempts, entry.LastError));
    }
}

public sealed class DeliveryLedgerTestsOnSqlite() : DeliveryLedgerTests(TestStorage.Sqlite);

public sealed class DeliveryLedgerTestsOnPostgres(PostgresServerFixture postgres) : DeliveryLedgerTests(TestStorage.Postgres(postgres));
