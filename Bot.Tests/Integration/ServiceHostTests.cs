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
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Integration;

/// <summary>The real <c>nokobot run</c> host: migrations, Quartz on a fake clock, the sweep, the ledger.</summary>
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

    private IHost BuildHost(CapturingLoggerProvider logs)
    {
        var calendar = Path.Combine(_db.Folder, "calendar.txt");
        File.WriteAllText(calendar, "# weekends only\n");
        var builder = NokoBotHost.CreateServiceBuilder(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _db.Path,
            ["Calendar:Path"] = calendar,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:NokoBot.Scheduling"] = "Information",
            ["Telegram:Enabled"] = "false",
        });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        builder.Services.RemoveAll<IDeliveryChannel>();
        builder.Services.AddSingleton<IDeliveryChannel>(_telegram);
        return builder.Build();
    }

    [Fact]
    public async Task The_service_sends_the_reminder_when_its_time_comes_and_not_again_after_a_restart()
    {
        await SeedAsync();
        var firstRun = new CapturingLoggerProvider();
        using (var host = BuildHost(firstRun))
        {
            await host.StartAsync(_ct);
            // The sweep at start has looked at the plan (and would have sent anything due) an hour before the reminder.
            var sweep = await SweepLineAsync(firstRun);
            Assert.Empty(_telegram.Sent);
            Assert.Contains("0 deliveries written, 0 sent", sweep, StringComparison.Ordinal);

            _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 10, 0, 0, Msk));
            await Eventually.TrueAsync(() => !_telegram.Sent.IsEmpty, "the day-before reminder");
            await host.StopAsync(_ct);
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        var secondRun = new CapturingLoggerProvider();
        using (var restarted = BuildHost(secondRun))
        {
            await restarted.StartAsync(_ct);
            // The restarted service's catch-up sweep has run: whatever it would repeat, it has sent by now.
            var sweep = await SweepLineAsync(secondRun);
            await restarted.StopAsync(_ct);
            Assert.Contains("0 deliveries written, 0 sent", sweep, StringComparison.Ordinal);
        }

        var (notice, member) = Assert.Single(_telegram.Reminders);
        Assert.Equal((ReminderKind.Before, "4", "Иванова"), (notice.Kind, notice.ItemNumber, member.Name));
    }

    /// <summary>Waits for the first sweep of a host to finish, and returns its log line.</summary>
    private static async Task<string> SweepLineAsync(CapturingLoggerProvider logs)
    {
        string? line = null;
        await Eventually.TrueAsync(() => (line = logs.Lines.FirstOrDefault(l => l.Contains(" deliveries written, ", StringComparison.Ordinal))) is not null,
            "the first sweep's log line");
        return line!;
    }
}
