using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Hosting;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Integration;

/// <summary>
/// A member who blocked the bot, end to end: the real host with its Telegram and email channels, the fake Bot API
/// answering 403 for their chat, and a real SMTP server on loopback. Quartz runs on a fake clock so the reminder a
/// week later comes at once.
/// </summary>
public sealed class BlockedBotFallbackTests : IAsyncDisposable
{
    private const long Chat = 501;
    private const long SecretaryChat = 900;
    private const string Address = "ivanova@example.org";
    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 21, 9, 0, 0, Msk));
    private readonly CapturingLoggerProvider _logs = new();
    private FakeTelegramBotApi? _api;
    private SmtpServerFixture? _smtp;
    private IHost? _host;

    [Fact]
    public async Task A_member_who_blocked_the_bot_gets_the_reminder_by_email_is_marked_unreachable_and_later_reminders_skip_telegram()
    {
        _api = await FakeTelegramBotApi.StartAsync(_ct);
        _smtp = await SmtpServerFixture.StartAsync(_ct);
        await SeedAsync();
        _api.BlockBot(Chat);
        await FallsBackAsync("sendMessage:blocked", "403");
    }

    [Fact]
    public async Task A_member_whose_chat_is_gone_is_treated_as_one_who_blocked_the_bot()
    {
        _api = await FakeTelegramBotApi.StartAsync(_ct);
        _smtp = await SmtpServerFixture.StartAsync(_ct);
        await SeedAsync();
        _api.Fault = (method, body) => method == "sendMessage" && body["chat_id"]?.GetValue<long>() == Chat ? (400, "Bad Request: chat not found", null) : null;
        await FallsBackAsync("sendMessage:fault", "400");
    }

    /// <summary>
    /// The member's Telegram answers <paramref name="refusedAs"/>: the reminder goes by email, the member is marked,
    /// the secretary is told once in Telegram, and a week later Telegram is not tried again.
    /// </summary>
    private async Task FallsBackAsync(string refusedAs, string status)
    {
        _host = BuildHost();
        await _host.StartAsync(_ct);

        // Monday 22.06 10:00 Moscow: the weekly message, a week before «июнь» ends.
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 22, 10, 0, 0, Msk));
        await Eventually.TrueAsync(() => Reminders().Count == 1, "the first reminder by email", TimeSpan.FromSeconds(20));

        var refused = Assert.Single(_api!.CallsTo(refusedAs));
        Assert.Equal(Chat, refused.Body["chat_id"]!.GetValue<long>());
        Assert.Contains("п. 4", refused.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_api.TextsTo(Chat));
        Assert.Equal(1, Count("SELECT telegram_unreachable FROM members WHERE telegram_chat_id = 501"));
        Assert.Equal(1, Count($"SELECT count(*) FROM deliveries WHERE channel = 'telegram' AND status = 'failed' AND last_error LIKE '{status}%'"));
        var notice = await NoticeAsync();
        Assert.Contains("Иванова больше недоступен в Telegram", notice, StringComparison.Ordinal);
        Assert.Contains("Напоминания теперь приходят ему по почте", notice, StringComparison.Ordinal);

        // 29.06 10:00: the day before. The email arriving means the sweep chose its channel (a Telegram try would come first).
        _time.SetUtcNow(new DateTimeOffset(2020, 6, 29, 10, 0, 0, Msk));
        await Eventually.TrueAsync(() => Reminders().Count == 2, "the second reminder by email", TimeSpan.FromSeconds(20));

        var reminders = Reminders();
        Assert.All(reminders, r => Assert.Equal([Address], r.RcptTo));
        Assert.All(reminders, r => Assert.Equal("Напоминание: п. 4 — срок до 30.06.2020", r.Message.Subject));
        Assert.Single(_api.CallsTo(refusedAs)); // Telegram was not tried again
        Assert.Empty(_api.TextsTo(Chat));
        Assert.Equal(1, Count("SELECT count(*) FROM deliveries WHERE channel = 'telegram' AND member_id = (SELECT id FROM members WHERE telegram_chat_id = 501)"));
        Assert.Single(_api.TextsTo(SecretaryChat), t => t.Contains("недоступен", StringComparison.Ordinal)); // told once
        // The server has the letter a moment before the ledger records it sent.
        await Eventually.TrueAsync(() => Count("SELECT count(*) FROM deliveries WHERE channel = 'email' AND status = 'sent'") == 2,
            "both email deliveries recorded sent", TimeSpan.FromSeconds(20));
        Assert.Contains(_logs.Lines, l => l.Contains("cannot be reached via telegram", StringComparison.Ordinal));
    }

    private async Task<string> NoticeAsync()
    {
        string? notice = null;
        await Eventually.TrueAsync(() => (notice = _api!.TextsTo(SecretaryChat).FirstOrDefault(t => t.Contains("недоступен", StringComparison.Ordinal))) is not null,
            "the secretary's notice", TimeSpan.FromSeconds(20));
        return notice!;
    }

    private List<(IReadOnlyList<string> RcptTo, MimeKit.MimeMessage Message)> Reminders() =>
        [.. _smtp!.Received().Where(m => m.Message.Subject?.StartsWith("Напоминание", StringComparison.Ordinal) == true)];

    private async Task SeedAsync()
    {
        await new MigrationRunner(_db.Database, _time).ApplyAsync(_ct);
        var plan = new PlanImport(
        [
            new PlanItem("4", null, "Разработка технического задания для организации-оператора", ["Общественный совет"],
                "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "техническое задание"),
        ], []);
        var council = await TestCouncil.AddAsync(_db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, plan, _ct);
        await TestCouncil.AddMemberAsync(_db.Database, council, "Иванова", "member", Chat, Address, _ct, "Общественный совет");
        await TestCouncil.AddMemberAsync(_db.Database, council, "Секретарь", "secretary", SecretaryChat, null, _ct);
        await new StateStore(_db.Database, _time).SetInstantAsync(StateKeys.SweptUntil, _time.GetUtcNow(), _ct);
    }

    private IHost BuildHost()
    {
        var calendar = Path.Combine(_db.Folder, "calendar.txt");
        File.WriteAllText(calendar, "# weekends only\n");
        var builder = NokoBotHost.CreateServiceBuilder(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _db.Path,
            ["Calendar:Path"] = calendar,
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:ApiBaseUrl"] = _api!.BaseUrl,
            ["Telegram:BotUsername"] = FakeTelegramBotApi.BotUsername,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Smtp:Enabled"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{_smtp!.Port}",
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "noko@example.org",
            ["Smtp:TimeoutSeconds"] = "5",
            ["Logging:LogLevel:Default"] = "Information",
        });
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        return builder.Build();
    }

    private long Count(string sql)
    {
        using var connection = _db.Database.OpenAsync(_ct).GetAwaiter().GetResult();
        return connection.ExecuteScalar<long>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
        if (_api is not null) await _api.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
            _smtp.DeleteMaildir();
        }
        _db.Dispose();
    }
}
