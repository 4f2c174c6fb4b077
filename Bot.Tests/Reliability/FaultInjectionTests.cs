using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Hosting;
using NokoBot.Delivery;
using NokoBot.Storage;
using NokoBot.Telegram;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;
using static NokoBot.Tests.Fakes.FakeTelegramBotApi;

namespace NokoBot.Tests.Reliability;

/// <summary>
/// 2 000 reminders to 2 000 members (one message each: a member's reminders of one moment would be one message) through the real host while the Bot API throws 429s, 5xx, hangs, dropped
/// connections and lost answers at it and the SMTP server is down for a while, then greylists. The servers' records
/// judge: every planned reminder arrives, a second copy only where the Bot API delivered a send and lost its answer
/// (the service cannot know that one went through), no send breaks Telegram's limits, and the service is still answering.
/// </summary>
public sealed class FaultInjectionTests : IAsyncDisposable
{
    private const int Items = 1;
    private const int TelegramMembers = 1800;
    private const int EmailMembers = 200;
    private const long FirstChat = 70_000;

    /// <summary>The week-ahead reminders fall due in Monday's weekly message, 10:00 on 22 June (items end on 30 June).</summary>
    private static readonly DateTimeOffset DueAt = new(2020, 6, 22, 10, 0, 0, TimeSpan.FromHours(3));

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempDatabase _db = new();
    private readonly ScaledClock _time = new(DueAt.AddSeconds(1), speed: 6);
    private readonly CapturingLoggerProvider _logs = new();
    private FakeTelegramBotApi? _api;
    private SmtpServerFixture? _smtp;
    private IHost? _host;

    [Fact]
    public async Task Every_reminder_arrives_and_repeats_only_after_a_lost_answer_within_the_limits_through_a_storm_of_faults()
    {
        _api = await FakeTelegramBotApi.StartAsync(_ct);
        _api.Clock = _time;
        _api.EnforceLimits = true;
        // 150 ms of service time is 25 ms of real scheduling jitter at 6x: a GC pause is not a broken limit.
        _api.LimitSlack = TimeSpan.FromMilliseconds(150);
        _api.HangFor = TimeSpan.FromSeconds(10);
        var faults = new FaultMix(seed: 20_261_130);
        _api.Fault = (method, _) => method == "sendMessage" ? faults.NextError() : null;
        _api.Disrupt = (method, _) => faults.NextDisruption(method);
        var smtpPort = SmtpServerFixture.FreePort();
        var greylisted = Enumerable.Range(0, 5).Select(EmailOf).ToList();
        await SeedAsync();

        _host = BuildHost(smtpPort);
        await _host.StartAsync(_ct);
        // The mail server is down until every email reminder has been refused a connection once.
        await Eventually.TrueAsync(() => Count(RefusedEmails) >= EmailMembers * Items, "email attempts while SMTP is down", TimeSpan.FromMinutes(2));
        _smtp = await SmtpServerFixture.StartAsync(_ct, port: smtpPort, tempfail: greylisted);

        await Eventually.TrueAsync(() => Count("SELECT count(*) FROM deliveries WHERE status = 'pending'") == 0
            && TelegramReminders().Distinct().Count() >= TelegramMembers * Items, "every delivery handled", TimeSpan.FromMinutes(3));

        var telegram = TelegramReminders();
        var lost = TelegramReminders("sendMessage" + AnswerLost);
        Assert.Equal(TelegramMembers * Items, telegram.Distinct().Count());
        // A repeat is forgivable only where the fake delivered a send and then lost its answer: at most one per lost answer.
        var lostPerReminder = lost.CountBy(r => r).ToDictionary(p => p.Key, p => p.Value);
        Assert.All(telegram.CountBy(r => r), r => Assert.True(r.Value - 1 <= lostPerReminder.GetValueOrDefault(r.Key),
            $"chat {r.Key.Chat} got item {r.Key.Item} {r.Value} times after {lostPerReminder.GetValueOrDefault(r.Key)} lost answers"));
        var repeats = telegram.Count - TelegramMembers * Items;
        var mail = _smtp.Received();
        Assert.Equal(EmailMembers * Items, mail.Count);
        Assert.All(mail.GroupBy(m => m.Message.MessageId), g => Assert.Single(g));
        Assert.All(mail.GroupBy(m => m.RcptTo.Single()), g => Assert.Single(g));
        Assert.Equal(TelegramMembers * Items + EmailMembers * Items, Count("SELECT count(*) FROM deliveries WHERE status = 'sent'"));

        Assert.Equal(0, _api.LimitViolations);
        Assert.True(faults.Errors > 100 && faults.Hangs > 5 && faults.Drops > 20 && lost.Count > 10, $"faults injected: {faults}, {lost.Count} answers lost");
        Assert.Contains(_logs.Lines, l => l.Contains("Greylisted", StringComparison.Ordinal));

        // Still alive and answering after the storm.
        _api.Fault = null;
        _api.Disrupt = null;
        _api.PushText(FirstChat, "/help");
        await Eventually.TrueAsync(() => _api.TextsTo(FirstChat).Any(t => t.Contains("/done", StringComparison.Ordinal)), "an answer to /help");
        var sends = _api.CallsTo("sendMessage");
        TestContext.Current.SendDiagnosticMessage(
            $"delivered {telegram.Count} by Telegram ({repeats} repeats after {lost.Count} lost answers) + {mail.Count} by email in {(sends[^1].At - DueAt).TotalSeconds:0} s of service time; {faults}");
    }

    /// <summary>(chat, item) of every reminder the fake Bot API accepted (or, given a suffixed method, recorded so).</summary>
    private List<(long Chat, long Item)> TelegramReminders(string method = "sendMessage") =>
        [.. _api!.CallsTo(method)
            .Select(c => (Chat: c.Body["chat_id"]!.GetValue<long>(), Data: c.Body["reply_markup"]?["inline_keyboard"]?[0]?[0]?["callback_data"]?.GetValue<string>()))
            .Where(c => c.Data is not null)
            .Select(c => (c.Chat, ReminderButtons.TryParse(c.Data!, out _, out var item, out _) ? item : 0))];

    private const string RefusedEmails =
        "SELECT count(*) FROM deliveries WHERE channel = 'email' AND last_error LIKE 'SMTP server unavailable%'";

    private long Count(string sql)
    {
        using var connection = _db.Database.OpenAsync(_ct).GetAwaiter().GetResult();
        return connection.ExecuteScalar<long>(sql);
    }

    private static string EmailOf(int i) => $"member{i}@example.org";

    private async Task SeedAsync()
    {
        await new MigrationRunner(_db.Database, _time).ApplyAsync(_ct);
        var june = new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30));
        var plan = new PlanImport(
            [.. Enumerable.Range(1, Items).Select(i => new PlanItem(
                $"{i}", null, $"Мероприятие {i} плана НОКО", ["Общественный совет"], "июнь", june, "протокол заседания"))], []);
        var council = await TestCouncil.AddAsync(_db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, plan, _ct);
        for (var i = 0; i < TelegramMembers; i++)
            await TestCouncil.AddMemberAsync(_db.Database, council, $"Участник {i}", "member", FirstChat + i, null, _ct, "Общественный совет");
        for (var i = 0; i < EmailMembers; i++)
            await TestCouncil.AddMemberAsync(_db.Database, council, $"Участник почты {i}", "member", null, EmailOf(i), _ct, "Общественный совет");
        await new StateStore(_db.Database, _time).SetInstantAsync(StateKeys.SweptUntil, DueAt.AddSeconds(-1), _ct);
    }

    private IHost BuildHost(int smtpPort)
    {
        var calendar = Path.Combine(_db.Folder, "calendar.txt");
        File.WriteAllText(calendar, "# weekends only\n");
        var builder = NokoBotHost.CreateServiceBuilder(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _db.Path,
            ["Calendar:Path"] = calendar,
            ["Telegram:BotToken"] = Token,
            ["Telegram:ApiBaseUrl"] = _api!.BaseUrl,
            ["Telegram:BotUsername"] = BotUsername,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:SendTimeoutSeconds"] = "2",
            ["Smtp:Enabled"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = $"{smtpPort}",
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "noko@example.org",
            ["Smtp:TimeoutSeconds"] = "5",
            ["Logging:LogLevel:Default"] = "Information",
        });
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        return builder.Build();
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

    /// <summary>
    /// A seeded mix: of the sends, ~4 % get 429 with retry_after, ~4 % a 500/502, ~1 % hang past the client's timeout,
    /// ~2 % a dropped connection, ~1.5 % are delivered and their answer lost; polls are dropped now and then too.
    /// </summary>
    private sealed class FaultMix(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly Lock _lock = new();

        public int Errors { get; private set; }
        public int Hangs { get; private set; }
        public int Drops { get; private set; }

        public (int Status, string Description, int? RetryAfter)? NextError()
        {
            lock (_lock)
            {
                var roll = _random.NextDouble();
                (int, string, int?)? error = roll switch
                {
                    < 0.04 => (429, "Too Many Requests: retry after", _random.Next(1, 4)),
                    < 0.06 => (500, "Internal Server Error", null),
                    < 0.08 => (502, "Bad Gateway", null),
                    _ => null,
                };
                if (error is not null) Errors++;
                return error;
            }
        }

        public Disruption NextDisruption(string method)
        {
            lock (_lock)
            {
                var roll = _random.NextDouble();
                if (method == "getUpdates") return roll < 0.05 ? Count(Disruption.Drop) : Disruption.None;
                if (method != "sendMessage") return Disruption.None;
                return roll switch
                {
                    < 0.01 => Count(Disruption.Hang), < 0.03 => Count(Disruption.Drop), < 0.045 => Count(Disruption.LoseAnswer), _ => Disruption.None,
                };
            }
        }

        /// <summary>Lost answers drawn; the fake's record says which of them it served (an error answer is never lost).</summary>
        public int LostAnswers { get; private set; }

        private Disruption Count(Disruption disruption)
        {
            if (disruption == Disruption.Hang) Hangs++;
            else if (disruption == Disruption.Drop) Drops++;
            else LostAnswers++;
            return disruption;
        }

        public override string ToString() => $"{Errors} error answers, {Hangs} hangs, {Drops} dropped connections, {LostAnswers} answers to lose";
    }
}
