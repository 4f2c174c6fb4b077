using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Reminders;
using NokoBot.Hosting;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Integration;

/// <summary>The real <c>nokobot run</c> host: migrations, Quartz on a fake clock, a council's own trigger, the dispatch, the ledger.</summary>
public sealed class ServiceHostTests : IDisposable
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 29, 9, 0, 0, Msk));
    private readonly RecordingChannel _telegram = new(Channels.Telegram);

    public void Dispose() => _db.Dispose();

    private async Task SeedAsync()
    {
        await new MigrationRunner(_db.Database, _time).ApplyAsync(_ct);
        var plan = new PlanImport(
        [
            new PlanItem("4", null, "Разработка технического задания для организации-оператора", ["Общественный совет"],
                "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "техническое задание"),
        ], []);
        var council = await TestCouncil.AddAsync(_db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, plan, _ct);
        await TestCouncil.AddMemberAsync(_db.Database, council, "Иванова", "member", 101, null, _ct, "Общественный совет");
        // The service ran until now: what falls due from here on is its to send.
        await new StateStore(_db.Database, _time).SetInstantAsync(StateKeys.SweptUntil, _time.GetUtcNow(), _ct);
    }

    private IHost BuildHost(CapturingLoggerProvider logs) => RecordingHost.Build(_db, _time, _telegram, logs);

    [Fact]
    public async Task The_service_sends_the_reminder_when_its_time_comes_and_not_again_after_a_restart()
    {
        await SeedAsync();
        var firstRun = new CapturingLoggerProvider();
        using (var host = BuildHost(firstRun))
        {
            await host.StartAsync(_ct);
            // The council, new to the service, was planned at start (and would have written anything due) an hour before the reminder.
            var planned = await PlanLineAsync(firstRun);
            Assert.Empty(_telegram.Sent);
            Assert.Contains("0 deliveries written", planned, StringComparison.Ordinal);

            _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 10, 0, 0, Msk));
            await Eventually.TrueAsync(() => !_telegram.Sent.IsEmpty, "the day-before reminder");
            await host.StopAsync(_ct);
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        var secondRun = new CapturingLoggerProvider();
        using (var restarted = BuildHost(secondRun))
        {
            await restarted.StartAsync(_ct);
            // Start-up plans nothing: the council's trigger comes from the instant stored before, within the hour.
            Assert.Contains(secondRun.Lines, l => l.Contains("Scheduled 1 councils: 0 kept from the store, the others from their stored instants (0 new, planned now; 0 due now)", StringComparison.Ordinal));
            _time.Advance(CouncilTriggers.IdleInterval);
            // Its trigger has fired and it was planned from its own mark: whatever it would repeat, it has written and sent by now.
            var planned = await PlanLineAsync(secondRun);
            await Eventually.TrueAsync(() => secondRun.Lines.Any(l => l.Contains("Dispatch: ", StringComparison.Ordinal)), "a dispatch after the restart");
            await restarted.StopAsync(_ct);
            Assert.Contains("0 deliveries written", planned, StringComparison.Ordinal);
        }

        var (notice, member) = Assert.Single(_telegram.Reminders);
        Assert.Equal((ReminderKind.Before, "4", "Иванова"), (notice.Kind, notice.ItemNumber, member.Name));
    }

    /// <summary>Waits for a host to plan the council the first time, and returns its log line.</summary>
    private static async Task<string> PlanLineAsync(CapturingLoggerProvider logs)
    {
        string? line = null;
        await Eventually.TrueAsync(() => (line = logs.Lines.FirstOrDefault(l => l.Contains(" deliveries written;", StringComparison.Ordinal))) is not null,
            "the council's plan log line");
        return line!;
    }
}
