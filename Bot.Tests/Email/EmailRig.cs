using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Reminders;
using NokoBot.Email;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Email;

/// <summary>
/// The service's composition root with email on, pointed at an SMTP server port, over a temp database holding one
/// council with item 4 («июнь»), and a fake clock.
/// </summary>
internal sealed class EmailRig : IDisposable
{
    public const string From = "noko@example.org";
    public const string CouncilName = "Общественный совет г. Десногорск";

    private readonly IHost _host;

    private EmailRig(TempDatabase db, FakeTimeProvider time, IHost host, Council council)
    {
        Db = db;
        Time = time;
        _host = host;
        Council = council;
    }

    public TempDatabase Db { get; }
    public FakeTimeProvider Time { get; }
    public Council Council { get; }
    public DeliveryLedger Ledger => _host.Get<DeliveryLedger>();
    public Outbox Outbox => _host.Get<Outbox>();
    public IDeliveryChannel Channel => _host.Get<IEnumerable<IDeliveryChannel>>().Single(c => c.Name == Channels.Email);
    public CouncilSnapshotStore Snapshots => _host.Get<CouncilSnapshotStore>();

    /// <param name="storage">The provider (SQLite when not given).</param>
    public static async Task<EmailRig> CreateAsync(int port, CancellationToken ct, string timeZone = "Europe/Moscow", TestStorage? storage = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 6, 1, 6, 0, 0, TimeSpan.Zero));
        var db = await (storage ?? TestStorage.Sqlite).CreateMigratedAsync(time, ct);
        var host = TestServices.Build(db, time, settings: new Dictionary<string, string?>
        {
            ["Smtp:Enabled"] = "true", ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None", ["Smtp:From"] = From, ["Smtp:FromName"] = "НОКО-бот Десногорск", ["Smtp:TimeoutSeconds"] = "5",
        });
        var council = await host.Get<CouncilStore>().AddAsync("desnogorsk", CouncilName, timeZone, ct);
        await host.Get<PlanStore>().ImportAsync(council!.Id, 2020, "plan.txt", "sha", new PlanImport(
        [
            new PlanItem("4", null, "Разработка технического задания", ["Комитет по образованию"], "июнь",
                new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "протокол заседания"),
        ], []), ct);
        return new EmailRig(db, time, host, council);
    }

    public static ReminderNotice Notice(string key, string number = "4", string title = "Разработка технического задания") => new(
        key, ReminderKind.Before, CouncilName, 1, number, title,
        ["Комитет по образованию", "Общественный совет"], "июнь", new DateOnly(2020, 6, 30), "протокол заседания");

    public static ReminderMessage Message(string address, params ReminderNotice[] notices) =>
        new(notices[0].DeliveryKey, CouncilName, "Europe/Moscow", new Recipient("member:7", 7, "Иванова Мария", null, address), notices);

    /// <summary>A member of «Комитет по образованию» reached by email, and the reminder about item 4 due for them now.</summary>
    public async Task<string> EnqueueReminderAsync(string address, CancellationToken ct)
    {
        var memberId = await _host.Get<MemberDirectory>().AddAsync(Council.Id, "Член " + address, MemberRole.Member, null, address, ["Комитет по образованию"], ct);
        var snapshot = await Snapshots.LoadAsync(Council, ct);
        var item = snapshot.Item("4")!;
        var recipient = $"member:{memberId}";
        var key = DeliveryKey.Create(DeliveryKey.ItemOccurrence(item.Id, new DateOnly(2020, 6, 30)), ReminderKind.Before, recipient, Channels.Email, 7);
        Assert.True(await Ledger.EnqueueAsync(new DeliveryRequest(key, Council.Id, item.Id, memberId, ReminderKind.Before, Channels.Email, recipient, Time.GetUtcNow()), ct));
        return key;
    }

    /// <summary>What the sweep does after writing the ledger: sends every message due now.</summary>
    public Task<int> DispatchAsync(CancellationToken ct) =>
        _host.Get<DeliveryDispatcher>().SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), Time.GetUtcNow(), null, ct);

    public void Dispose()
    {
        _host.Dispose();
        Db.Dispose();
    }
}
