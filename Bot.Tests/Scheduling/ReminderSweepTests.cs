using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Reminders;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Scheduling;

public sealed class ReminderSweepTests : IDisposable
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 22, 12, 0, 0, Msk));
    private readonly TempDatabase _db = new();
    private readonly RecordingChannel _telegram = new(Channels.Telegram);
    private readonly RecordingChannel _email = new(Channels.Email);

    private static readonly PlanImport Plan = new(
    [
        new PlanItem("4", null, "Разработка технического задания для организации-оператора", ["Общественный совет", "Комитет по образованию"],
            "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "техническое задание"),
    ], []);

    public void Dispose() => _db.Dispose();

    private async Task SeedAsync()
    {
        await new MigrationRunner(_db.Database, _time).ApplyAsync(_ct);
        var council = await TestCouncil.AddAsync(_db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, Plan, _ct);
        await TestCouncil.AddMemberAsync(_db.Database, council, "Иванова", "member", 101, null, _ct, "Общественный совет");
        await TestCouncil.AddMemberAsync(_db.Database, council, "Петров", "member", null, "petrov@example.org", _ct, "Комитет по образованию");
        await TestCouncil.AddMemberAsync(_db.Database, council, "Председатель", "chair", 103, null, _ct);
    }

    /// <summary>A fresh set of services over the same database file: what a restarted process has.</summary>
    private ReminderSweep NewProcess()
    {
        var db = new SqliteDatabase(_db.Path);
        var planner = new ReminderPlanner(ProductionCalendar.WeekendsOnly);
        var ledger = new DeliveryLedger(db, _time);
        var dispatcher = new DeliveryDispatcher(ledger, new MemberChannels(db), [_telegram, _email], _time, NullLogger<DeliveryDispatcher>.Instance);
        return new ReminderSweep(new CouncilSnapshotStore(db, _time), dispatcher, planner, ledger, new StateStore(db, _time), _time, []);
    }

    [Fact]
    public async Task Seven_days_before_june_ends_each_party_is_reminded_once_on_its_channel()
    {
        await SeedAsync();
        var first = await NewProcess().RunAsync(_ct);

        _time.SetUtcNow(new DateTimeOffset(2020, 6, 23, 10, 0, 0, Msk));
        var due = await NewProcess().RunAsync(_ct);

        Assert.Equal(0, first.Sent);
        Assert.Equal(new DateTimeOffset(2020, 6, 23, 10, 0, 0, Msk), first.NextWakeUp);
        Assert.Equal(2, due.Sent);
        var (notice, member) = Assert.Single(_telegram.Sent);
        Assert.Equal(("Иванова", ReminderKind.Before, "4", new DateOnly(2020, 6, 30)), (member.Name, notice.Kind, notice.ItemNumber, notice.Due));
        Assert.Equal("Петров", Assert.Single(_email.Sent).Member.Name);
    }

    [Fact]
    public async Task A_restart_on_the_same_day_sends_nothing_twice()
    {
        await SeedAsync();
        await NewProcess().RunAsync(_ct);
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 23, 10, 0, 0, Msk));
        await NewProcess().RunAsync(_ct);

        _time.Advance(TimeSpan.FromMinutes(30));
        var afterRestart = await NewProcess().RunAsync(_ct);

        Assert.Equal((0, 0), (afterRestart.Enqueued, afterRestart.Sent));
        Assert.Single(_telegram.Sent);
        Assert.Single(_email.Sent);
    }

    [Fact]
    public async Task After_three_days_down_only_reminders_within_the_grace_window_go_out_marked_late()
    {
        await SeedAsync();
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 28, 9, 0, 0, Msk));
        await NewProcess().RunAsync(_ct);

        // Down from 28.06 until 01.07 12:00: «за 1 день» (29.06) and «в срок» (30.06) are older than 24 h; «просрочено 1 день» (01.07 10:00) is not.
        _time.SetUtcNow(new DateTimeOffset(2020, 7, 1, 12, 0, 0, Msk));
        var result = await NewProcess().RunAsync(_ct);

        var notice = Assert.Single(_telegram.Sent).Notice;
        Assert.Equal((ReminderKind.Overdue, 1, true), (notice.Kind, notice.DaysOverdue, notice.Late));
        Assert.Equal(2, result.Sent);
        var skipped = await new DeliveryLedger(_db.Database, _time).FindAsync(
            DeliveryKey.Create(DeliveryKey.ItemOccurrence(1, new DateOnly(2020, 6, 30)), ReminderKind.Due, "member:1", Channels.Telegram), _ct);
        Assert.Equal(DeliveryStatus.Skipped, skipped?.Status);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_the_back_off_and_sent_once()
    {
        await SeedAsync();
        var failures = 0;
        _telegram.Fail = (_, _) => failures++ < 1 ? new SendOutcome.Retry("502 Bad Gateway") : null;
        await NewProcess().RunAsync(_ct);
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 23, 10, 0, 0, Msk));

        var failed = await NewProcess().RunAsync(_ct);
        _time.Advance(DeliveryDispatcher.Backoff(0));
        var retried = await NewProcess().RunAsync(_ct);

        Assert.Equal(new DateTimeOffset(2020, 6, 23, 10, 0, 30, Msk), failed.NextWakeUp);
        Assert.Equal(1, retried.Sent);
        Assert.Single(_telegram.Sent);
    }

    [Fact]
    public async Task Two_councils_in_different_zones_are_each_reminded_at_their_own_ten_oclock()
    {
        await SeedAsync();
        var zeya = await TestCouncil.AddAsync(_db.Database, _time, "zeya", "Asia/Yakutsk", 2020, Plan, _ct);
        await TestCouncil.AddMemberAsync(_db.Database, zeya, "Зейский член", "member", 201, null, _ct, "Общественный совет");
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 23, 0, 30, 0, TimeSpan.Zero));
        await NewProcess().RunAsync(_ct);

        _time.SetUtcNow(new DateTimeOffset(2020, 6, 23, 1, 0, 0, TimeSpan.Zero)); // 10:00 in Yakutsk, 04:00 in Moscow
        var yakutskTen = await NewProcess().RunAsync(_ct);
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 23, 7, 0, 0, TimeSpan.Zero)); // 10:00 in Moscow
        await NewProcess().RunAsync(_ct);

        Assert.Equal(1, yakutskTen.Sent);
        Assert.Equal(["Зейский член", "Иванова"], _telegram.Sent.Select(s => s.Member.Name));
        Assert.Equal(new DateTimeOffset(2020, 6, 23, 7, 0, 0, TimeSpan.Zero), yakutskTen.NextWakeUp);
    }
}
