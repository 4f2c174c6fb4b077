using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Hosting;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>The real <c>nokobot run</c> host talking to a fake Bot API on loopback, over a real SQLite file.</summary>
public sealed class TelegramRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2020, 6, 23, 11, 0, 0, TimeSpan.FromHours(3));

    private TelegramRig(FakeTelegramBotApi api, TempDatabase db, TimeProvider time, string calendar)
    {
        Api = api;
        Db = db;
        Time = time;
        _calendar = calendar;
    }

    private readonly string _calendar;

    public FakeTelegramBotApi Api { get; }
    public TempDatabase Db { get; }
    /// <summary>The service's clock: real time from <see cref="Start"/>, or the test's own (a <see cref="ScaledClock"/>).</summary>
    public TimeProvider Time { get; }
    public IHost? Host { get; private set; }
    public CapturingLoggerProvider Logs { get; } = new();
    public long CouncilId { get; private set; }

    public static PlanImport Plan { get; } = new(
    [
        new PlanItem("4", null, "Разработка технического задания <b>для</b> оператора", ["Общественный совет", "Комитет по образованию"],
            "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "техническое задание"),
        new PlanItem("5", null, "Проведение торгов", ["Комитет по образованию"],
            "июнь – август", new WindowDeadline("июнь – август", new(2020, 6, 1), new(2020, 8, 31)), "определение оператора"),
        new PlanItem("8", null, "Обсуждение результатов НОКО", ["Общественный совет"],
            "", new UnscheduledDeadline(""), "протокол заседания Общественного совета"),
    ], []);

    /// <summary>Services of the test's own over the host's (a polling lease on a test database, say).</summary>
    public Action<IServiceCollection>? Services { get; set; }

    /// <summary>Settings of the test's own over the rig's (an SMTP server, say).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <param name="calendar">The production calendar's text (default: weekends only, no year's data).</param>
    /// <param name="withPlan">Whether the council starts with <see cref="Plan"/> for 2020.</param>
    /// <param name="settings">Settings of the test's own over the rig's (an SMTP server, say).</param>
    /// <param name="services">Services of the test's own over the host's.</param>
    public static async Task<TelegramRig> StartAsync(
        CancellationToken ct, TimeProvider? clock = null, string? calendar = null, bool withPlan = true, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var rig = new TelegramRig(await FakeTelegramBotApi.StartAsync(ct), new TempDatabase(), clock ?? new ShiftedClock(Start), calendar ?? "# weekends only\n");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) rig.Settings[key] = value;
        rig.Services = services;
        // Whoever judges the limits reads the service's clock.
        rig.Api.Clock = rig.Time;
        await new MigrationRunner(rig.Db.Database, rig.Time).ApplyAsync(ct);
        rig.CouncilId = await TestCouncil.AddAsync(rig.Db.Database, rig.Time, "desnogorsk", "Europe/Moscow", 2020, withPlan ? Plan : null, ct);
        await rig.StartHostAsync(ct);
        return rig;
    }

    public async Task StartHostAsync(CancellationToken ct)
    {
        var calendar = Path.Combine(Db.Folder, "calendar.txt");
        await File.WriteAllTextAsync(calendar, _calendar, ct);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Db.Path,
            ["Calendar:Path"] = calendar,
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:ApiBaseUrl"] = Api.BaseUrl,
            ["Telegram:BotUsername"] = FakeTelegramBotApi.BotUsername,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Debug",
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        var builder = NokoBotHost.CreateServiceBuilder(settings);
        builder.Logging.ClearProviders().AddProvider(Logs);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        Services?.Invoke(builder.Services);
        Host = builder.Build();
        await Host.StartAsync(ct);
    }

    public async Task StopHostAsync(CancellationToken ct)
    {
        if (Host is null) return;
        await Host.StopAsync(ct);
        Host.Dispose();
        Host = null;
    }

    public T Service<T>() where T : notnull => Host!.Services.GetRequiredService<T>();

    public Task<string?> InviteAsync(string? party, MemberRole role = MemberRole.Member, TimeSpan? lifetime = null) =>
        new InviteStore(Db.Database, Time).CreateAsync(CouncilId, party, role, lifetime ?? TimeSpan.FromDays(14), TestContext.Current.CancellationToken);

    /// <summary>Links a Telegram user through a real invite and /start, and waits for the greeting.</summary>
    public async Task LinkAsync(long userId, string? party, MemberRole role = MemberRole.Member)
    {
        var code = await InviteAsync(party, role);
        Api.PushText(userId, $"/start {code}");
        await WaitForTextAsync(userId, t => t.Contains("Здравствуйте", StringComparison.Ordinal));
    }

    /// <summary>Waits until the user got a message matching <paramref name="match"/>, and returns it.</summary>
    public async Task<string> WaitForTextAsync(long chatId, Func<string, bool> match, int skip = 0)
    {
        string? found = null;
        await Eventually.TrueAsync(() => (found = Api.TextsTo(chatId).Where(match).Skip(skip).FirstOrDefault()) is not null,
            $"a message to {chatId}", TimeSpan.FromSeconds(15));
        return found!;
    }

    public async Task<long> MemberIdAsync(long telegramUserId) =>
        await CountAsync("SELECT id FROM members WHERE telegram_user_id = @telegramUserId", new { telegramUserId });

    public async Task<long> ItemIdAsync(string number) => await CountAsync("SELECT id FROM plan_items WHERE number = @number", new { number });

    public async Task<long> CountAsync(string sql, object? args = null)
    {
        await using var connection = await Db.Database.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    /// <summary>A statement of the test's own on the service's database (a trigger that fails writes, say).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Db.Database.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync(CancellationToken.None);
        await Api.DisposeAsync();
        Db.Dispose();
    }
}
