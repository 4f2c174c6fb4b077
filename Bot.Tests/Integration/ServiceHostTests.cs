using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

/// <summary>The real <c>nokobot run</c> host: migrations, Quartz on a fake clock, the sweep, the ledger.</summary>
public sealed class ServiceHostTests : IDisposable
{
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 23, 9, 0, 0, Msk));
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
        await new StateStore(_db.Database, _time).SetInstantAsync(ReminderSweep.SweptUntilKey, _time.GetUtcNow(), _ct);
    }

    private IHost BuildHost()
    {
        var calendar = Path.Combine(_db.Folder, "calendar.txt");
        File.WriteAllText(calendar, "# weekends only\n");
        var builder = NokoBotHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _db.Path,
            ["Calendar:Path"] = calendar,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Telegram:Enabled"] = "false",
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IReminderChannel>(_telegram);
        return builder.Build();
    }

    [Fact]
    public async Task The_service_sends_the_reminder_when_its_time_comes_and_not_again_after_a_restart()
    {
        await SeedAsync();
        using (var host = BuildHost())
        {
            await host.StartAsync(_ct);
            await Task.Delay(200, _ct);
            Assert.Empty(_telegram.Sent);

            _time.SetUtcNow(new DateTimeOffset(2020, 6, 23, 10, 0, 0, Msk));
            await Eventually.TrueAsync(() => !_telegram.Sent.IsEmpty, "the 7-days-before reminder");
            await host.StopAsync(_ct);
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        using (var restarted = BuildHost())
        {
            await restarted.StartAsync(_ct);
            await Task.Delay(300, _ct);
            await restarted.StopAsync(_ct);
        }

        var (notice, member) = Assert.Single(_telegram.Sent);
        Assert.Equal((ReminderKind.Before, "4", "Иванова"), (notice.Kind, notice.ItemNumber, member.Name));
    }
}
