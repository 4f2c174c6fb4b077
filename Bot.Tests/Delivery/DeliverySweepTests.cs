using Microsoft.Extensions.Time.Testing;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Delivery;

public abstract class DeliverySweepTests(TestStorage storage) : IDisposable
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 21, 12, 0, 0, Msk));
    private TempDatabase _db = null!;
    private readonly RecordingChannel _telegram = new(Channels.Telegram);
    private readonly RecordingChannel _email = new(Channels.Email);

    private static readonly PlanImport Plan = new(
    [
        new PlanItem("4", null, "Разработка технического задания для организации-оператора", ["Общественный совет", "Комитет по образованию"],
            "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "техническое задание"),
    ], []);

    private static readonly PlanImport TwoItems = new(
    [
        Plan.Items[0],
        new PlanItem("7", null, "Мониторинг сайтов", ["Общественный совет"], "до 30 июня", new DateDeadline("до 30 июня", new(2020, 6, 30)), "справка"),
    ], []);

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task SeedAsync(PlanImport? plan = null)
    {
        _db = await storage.CreateMigratedAsync(_time, _ct);
        var council = await TestCouncil.AddAsync(_db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, plan ?? Plan, _ct);
        await TestCouncil.AddMemberAsync(_db.Database, council, "Иванова", "member", 101, null, _ct, "Общественный совет");
        await TestCouncil.AddMemberAsync(_db.Database, council, "Петров", "member", null, "petrov@example.org", _ct, "Комитет по образованию");
        await TestCouncil.AddMemberAsync(_db.Database, council, "Председатель", "chair", 103, null, _ct);
    }

    /// <summary>A fresh composition root over the same database file: what a restarted process has.</summary>
    private async Task<DeliverySweep.Result> SweepInNewProcessAsync()
    {
        using var host = TestServices.Build(_db, _time, [_telegram, _email]);
        return await host.Get<DeliverySweep>().RunAsync(_ct);
    }

    [Fact]
    public async Task A_week_before_june_ends_each_party_is_reminded_once_on_its_channel_in_the_weekly_message()
    {
        await SeedAsync();
        var first = await SweepInNewProcessAsync();

        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 10, 0, 0, Msk));
        var due = await SweepInNewProcessAsync();

        Assert.Equal(0, first.Sent);
        Assert.Equal(new DateTimeOffset(2020, 6, 22, 10, 0, 0, Msk), first.NextWakeUp); // Monday: the weekly message
        Assert.Equal(2, due.Sent);
        var (notice, member) = Assert.Single(_telegram.Reminders);
        Assert.Equal(("Иванова", ReminderKind.Before, "4", new DateOnly(2020, 6, 30)), (member.Name, notice.Kind, notice.ItemNumber, notice.Due));
        Assert.Equal("Петров", Assert.Single(_email.Reminders).To.Name);
    }

    [Fact]
    public async Task A_restart_on_the_same_day_sends_nothing_twice()
    {
        await SeedAsync();
        await SweepInNewProcessAsync();
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 10, 0, 0, Msk));
        await SweepInNewProcessAsync();

        _time.Advance(TimeSpan.FromMinutes(30));
        var afterRestart = await SweepInNewProcessAsync();

        Assert.Equal((0, 0), (afterRestart.Enqueued, afterRestart.Sent));
        Assert.Single(_telegram.Sent);
        Assert.Single(_email.Sent);
    }

    [Fact]
    public async Task After_two_days_down_only_reminders_within_the_grace_window_go_out_marked_late()
    {
        await SeedAsync();
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 28, 9, 0, 0, Msk));
        await SweepInNewProcessAsync();

        // Down from 28.06 until 30.06 12:00: «за 1 день» (29.06 10:00) is older than 24 h; «в срок» (30.06 10:00) is not.
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 30, 12, 0, 0, Msk));
        var result = await SweepInNewProcessAsync();

        var message = Assert.IsType<ReminderMessage>(Assert.Single(_telegram.Sent));
        Assert.True(message.Late);
        Assert.Equal((ReminderKind.Due, true), (Assert.Single(message.Items).Kind, message.Items[0].Late));
        Assert.Equal(2, result.Sent);
        var skipped = await new DeliveryLedger(_db.Database, _time).FindAsync(
            DeliveryKey.Create(DeliveryKey.ItemOccurrence(1, new DateOnly(2020, 6, 30)), ReminderKind.Before, "member:1", Channels.Telegram, 1), _ct);
        Assert.Equal((DeliveryStatus.Skipped, SkipReasons.MissedWhileDown), (skipped?.Status, skipped?.LastError));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_the_back_off_and_sent_once()
    {
        await SeedAsync();
        var failures = 0;
        _telegram.Fail = _ => failures++ < 1 ? new SendOutcome.Retry("502 Bad Gateway") : null;
        await SweepInNewProcessAsync();
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 10, 0, 0, Msk));

        var failed = await SweepInNewProcessAsync();
        _time.Advance(RetryPolicy.Backoff(0));
        var retried = await SweepInNewProcessAsync();

        Assert.Equal(new DateTimeOffset(2020, 6, 22, 10, 0, 30, Msk), failed.NextWakeUp);
        Assert.Equal(1, retried.Sent);
        Assert.Single(_telegram.Sent);
    }

    [Fact]
    public async Task Two_councils_in_different_zones_are_each_reminded_at_their_own_ten_oclock()
    {
        await SeedAsync();
        var zeya = await TestCouncil.AddAsync(_db.Database, _time, "zeya", "Asia/Yakutsk", 2020, Plan, _ct);
        await TestCouncil.AddMemberAsync(_db.Database, zeya, "Зейский член", "member", 201, null, _ct, "Общественный совет");
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 0, 30, 0, TimeSpan.Zero));
        await SweepInNewProcessAsync();

        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 1, 0, 0, TimeSpan.Zero)); // 10:00 in Yakutsk, 04:00 in Moscow
        var yakutskTen = await SweepInNewProcessAsync();
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 7, 0, 0, TimeSpan.Zero)); // 10:00 in Moscow
        await SweepInNewProcessAsync();

        Assert.Equal(1, yakutskTen.Sent);
        Assert.Equal(["Зейский член", "Иванова"], _telegram.Reminders.Select(s => s.To.Name));
        Assert.Equal(new DateTimeOffset(2020, 6, 22, 7, 0, 0, TimeSpan.Zero), yakutskTen.NextWakeUp);
    }

    [Fact]
    public async Task A_member_with_an_hour_of_their_own_is_reminded_then_and_one_on_weekly_summary_only_in_the_weekly_message()
    {
        await SeedAsync();
        await using (var connection = await _db.Database.OpenAsync(_ct))
        {
            await MemberDirectory.SetPreferencesAsync(connection, null, 1, new(new TimeOnly(8, 30), false), _ct);
            await MemberDirectory.SetPreferencesAsync(connection, null, 2, new(null, true), _ct);
        }
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 26, 12, 0, 0, Msk));
        await SweepInNewProcessAsync();

        // Monday 29.06, the day before: Иванова at her 08:30; Петров, weekly only, gets the whole week (29.06 and 30.06) in Monday's message.
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 8, 30, 0, Msk));
        var early = await SweepInNewProcessAsync();
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 10, 0, 0, Msk));
        await SweepInNewProcessAsync();
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 30, 10, 0, 0, Msk));
        await SweepInNewProcessAsync();

        Assert.Equal(1, early.Sent);
        Assert.Equal([ReminderKind.Before, ReminderKind.Due], _telegram.Reminders.Select(r => r.Notice.Kind));
        var weekly = Assert.IsType<ReminderMessage>(Assert.Single(_email.Sent));
        // Tuesday's due day, told on Monday: «срок до 30.06», not «сегодня».
        Assert.Equal((ReminderKind.Before, new DateOnly(2020, 6, 30)), (Assert.Single(weekly.Items).Kind, weekly.Items[0].Due));
    }

    [Fact]
    public async Task Two_items_due_for_one_member_at_one_moment_are_one_message_and_another_member_gets_their_own()
    {
        await SeedAsync(TwoItems);
        await SweepInNewProcessAsync();

        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 10, 0, 0, Msk));
        var result = await SweepInNewProcessAsync();

        Assert.Equal(2, result.Sent); // Иванова's one message about 4 and 7, Петров's about 4
        var message = Assert.IsType<ReminderMessage>(Assert.Single(_telegram.Sent));
        Assert.Equal(["4", "7"], message.Items.Select(i => i.ItemNumber));
        var sent = await new DeliveryLedger(_db.Database, _time).PendingAsync(DateTimeOffset.MaxValue, 10, _ct);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task When_the_plan_year_is_over_reminders_stop_and_the_secretary_gets_one_note_with_what_is_open()
    {
        await SeedAsync();
        await using (var connection = await _db.Database.OpenAsync(_ct))
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE plan_items SET due_override = '2020-12-30'");
        await TestCouncil.AddMemberAsync(_db.Database, 1, "Секретарь", "secretary", 104, null, _ct);
        _time.SetUtcNow(new DateTimeOffset(2020, 12, 31, 12, 0, 0, Msk));
        await SweepInNewProcessAsync();

        var nextYear = await SweepInNewProcessAsync();
        _time.SetUtcNow(new DateTimeOffset(2021, 1, 4, 10, 0, 0, Msk));
        await SweepInNewProcessAsync();
        _time.SetUtcNow(new DateTimeOffset(2021, 3, 1, 10, 0, 0, Msk));
        var later = await SweepInNewProcessAsync();

        Assert.Equal(new DateTimeOffset(2021, 1, 4, 10, 0, 0, Msk), nextYear.NextWakeUp);
        var note = Assert.IsType<PlanOverMessage>(Assert.Single(_telegram.Sent));
        Assert.Equal(("Секретарь", 2020, 1), (note.To.Name, note.Year, note.ItemsTotal));
        Assert.Equal("4", Assert.Single(note.Open).Number);
        Assert.Empty(_email.Sent);
        Assert.Equal((0, null), (later.Sent, later.NextWakeUp));
    }
}

public sealed class DeliverySweepTestsOnSqlite() : DeliverySweepTests(TestStorage.Sqlite);

public sealed class DeliverySweepTestsOnPostgres(PostgresServerFixture postgres) : DeliverySweepTests(TestStorage.Postgres(postgres));
