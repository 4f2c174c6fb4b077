using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;
using NokoBot.Telegram;
using NokoBot.Tests.Fakes;

namespace NokoBot.Bench;

/// <summary>
/// The real <c>nokobot run</c> host (<see cref="Hosting.NokoBotHost.CreateServiceBuilder"/>) in this process, over a temp
/// SQLite file, talking through Telegram.Bot to the fake Bot API on loopback — what the dispatch, timing, restart and
/// ingest scenarios measure. Set-up goes through the CLI's composition root over the same file, as a secretary's would.
/// </summary>
internal sealed class ServiceRig : IAsyncDisposable
{
    /// <summary>The party every bench member speaks for unless a scenario says otherwise.</summary>
    public const string Party = "Общественный совет";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nokobot-bench-");
    private readonly Dictionary<string, string?> _settings;
    private readonly IHost _setup;
    private readonly List<IHost> _hosts = [];

    private ServiceRig(FakeTelegramBotApi api, TimeProvider time)
    {
        Api = api;
        Time = time;
        DatabasePath = Path.Combine(_folder.FullName, "nokobot.db");
        var calendar = Path.Combine(_folder.FullName, "calendar.txt");
        File.WriteAllText(calendar, "# weekends only\n");
        _settings = new Dictionary<string, string?>
        {
            ["Calendar:Path"] = calendar,
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:ApiBaseUrl"] = Api.BaseUrl,
            ["Telegram:BotUsername"] = FakeTelegramBotApi.BotUsername,
            ["Telegram:PollTimeoutSeconds"] = "1",
        };
        _setup = BenchHost.Build(DatabasePath, time, _settings);
    }

    public FakeTelegramBotApi Api { get; }
    public TimeProvider Time { get; }
    public string DatabasePath { get; }
    public long CouncilId { get; private set; }

    /// <summary>A service of the set-up composition root (stores, the ledger).</summary>
    public T Get<T>() where T : notnull => _setup.Get<T>();

    public static async Task<ServiceRig> CreateAsync(TimeProvider time, PlanImport plan, int year)
    {
        var rig = await CreateEmptyAsync(time);
        rig.CouncilId = await rig.AddCouncilAsync("bench", plan, year);
        return rig;
    }

    /// <summary>A migrated database without councils, and the fake Bot API on the same clock.</summary>
    public static async Task<ServiceRig> CreateEmptyAsync(TimeProvider time)
    {
        var rig = new ServiceRig(await FakeTelegramBotApi.StartAsync(CancellationToken.None), time);
        rig.Api.Clock = time;
        await rig.Get<MigrationRunner>().ApplyAsync(CancellationToken.None);
        return rig;
    }

    /// <returns>The council's id.</returns>
    public async Task<long> AddCouncilAsync(string slug, PlanImport plan, int year)
    {
        var council = (await Get<CouncilStore>().AddAsync(slug, "Общественный совет " + slug, "Europe/Moscow", CancellationToken.None))!;
        await Get<PlanStore>().ImportAsync(council.Id, year, slug + ".txt", slug, plan, CancellationToken.None);
        return council.Id;
    }

    /// <summary>Items without dates: nothing falls due but what a scenario writes to the ledger itself.</summary>
    public static PlanImport UndatedPlan(int items) => new(
        [.. Enumerable.Range(1, items).Select(i => new PlanItem($"{i}", null, $"Мероприятие {i}", [Party], "", new UnscheduledDeadline(""), "протокол"))], []);

    /// <summary>Members in private chats <paramref name="firstChat"/>…, each speaking for <paramref name="party"/> (set-up, not measured).</summary>
    public async Task<IReadOnlyList<long>> AddMembersAsync(int count, long firstChat, long? councilId = null, string party = Party)
    {
        var directory = Get<MemberDirectory>();
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
            ids.Add(await directory.AddAsync(councilId ?? CouncilId, $"Участник {i}", MemberRole.Member, firstChat + i, null, [party], CancellationToken.None));
        return ids;
    }

    /// <summary>
    /// Writes item reminders to the ledger as the sweep would, each due at its own instant (set-up, not measured).
    /// Rows for one member that are pending together go out as one message: give each member one.
    /// </summary>
    public async Task EnqueueAsync(IEnumerable<(long Item, long Member, DateTimeOffset Due)> reminders)
    {
        var ledger = Get<DeliveryLedger>();
        foreach (var (item, member, due) in reminders)
        {
            var recipient = string.Create(CultureInfo.InvariantCulture, $"member:{member}");
            var key = DeliveryKey.Create(DeliveryKey.ItemOccurrence(item, DateOnly.FromDateTime(due.UtcDateTime)), ReminderKind.Before, recipient, Channels.Telegram);
            await ledger.EnqueueAsync(new DeliveryRequest(key, CouncilId, item, member, ReminderKind.Before, Channels.Telegram, recipient, due), CancellationToken.None);
        }
    }

    public async Task<IReadOnlyList<long>> ItemIdsAsync(long? councilId = null)
    {
        await using var connection = await Get<Database>().OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<long>(
            "SELECT pi.id FROM plan_items pi JOIN plans p ON p.id = pi.plan_id WHERE p.council_id = @council ORDER BY pi.position",
            new { council = councilId ?? CouncilId })];
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Get<Database>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public Task MarkSweptUntilAsync(DateTimeOffset at) => Get<StateStore>().SetInstantAsync(StateKeys.SweptUntil, at, CancellationToken.None);

    /// <summary>Starts <c>nokobot run</c>: Quartz, the sweep, the dispatcher, the Telegram channel and update receiver.</summary>
    /// <param name="messagesPerSecond">The bot's own global limit (Telegram's is 30).</param>
    /// <param name="instances">How many instances of the service over the same database (each its own host and instance id).</param>
    public async Task StartAsync(int messagesPerSecond, int instances = 1)
    {
        for (var i = 0; i < instances; i++)
        {
            var settings = new Dictionary<string, string?>(_settings)
            {
                ["Telegram:Enabled"] = "true",
                ["Telegram:GlobalMessagesPerSecond"] = messagesPerSecond.ToString(CultureInfo.InvariantCulture),
                ["Service:InstanceId"] = string.Create(CultureInfo.InvariantCulture, $"bench-{i + 1}"),
            };
            _hosts.Add(BenchHost.CreateBuilder(DatabasePath, Time, settings, service: true).Build());
        }
        await Task.WhenAll(_hosts.Select(h => h.StartAsync()));
    }

    /// <summary>Waits until no delivery is pending (polling the ledger), up to <paramref name="timeout"/>.</summary>
    public async Task WaitUntilDeliveredAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await CountAsync("SELECT count(*) FROM deliveries WHERE status = 'pending'") > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("deliveries still pending after " + timeout);
            await Task.Delay(50);
        }
    }

    /// <summary>(member, accepted at) of every reminder message the fake accepted: the member is in the first button's callback data.</summary>
    public IReadOnlyList<(long Member, DateTimeOffset At)> AcceptedReminders() =>
        [.. Api.ButtonMessages().Select(m => (ReminderButtons.TryParse(m.ButtonData, out _, out _, out var member) ? member : 0, m.At))];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        _setup.Dispose();
        await Api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
