using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Hosting;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Inbox;

/// <summary>
/// The service with email both ways: the real host (scheduler and inbox reader) on a fake clock, a real SMTP server
/// (aiosmtpd) it sends through and a real IMAP server (Dovecot) whose mailbox it reads. One council with item 4
/// («июнь», Общественный совет) and item 5 (August, Общественный совет and Комитет по образованию); Иванова is reached by
/// email only, and so is the secretary.
/// </summary>
internal sealed class InboxRig : IAsyncDisposable
{
    public const string Member = "ivanova@school5.ru";
    public const string Secretary = "secretary@example.org";
    public const string DoneFolder = "Handled";
    public static readonly TimeSpan Msk = TimeSpan.FromHours(3);

    private readonly CancellationToken _ct;
    private readonly TestCertificate? _tls;
    private readonly bool _sslOnConnect;
    private IHost? _host;

    private InboxRig(TempDatabase db, SmtpServerFixture smtp, ImapServerFixture imap, TestCertificate? tls, bool sslOnConnect, CancellationToken ct)
    {
        Db = db;
        Smtp = smtp;
        Imap = imap;
        _tls = tls;
        _sslOnConnect = sslOnConnect;
        _ct = ct;
    }

    /// <summary>Real time (IDLE, back-off and the outbox run for real) from two seconds before Monday 22.06 10:00 Moscow.</summary>
    public TimeProvider Time { get; } = new ShiftedClock(new DateTimeOffset(2020, 6, 22, 9, 59, 58, Msk));
    public TempDatabase Db { get; }
    public SmtpServerFixture Smtp { get; }
    public ImapServerFixture Imap { get; }
    public CapturingLoggerProvider Logs { get; } = new();
    public long CouncilId { get; private set; }

    public static async Task<InboxRig> StartAsync(CancellationToken ct, TestCertificate? tls = null, bool sslOnConnect = false, bool idle = true)
    {
        var smtp = await SmtpServerFixture.StartAsync(ct);
        var imap = await ImapServerFixture.StartAsync(ct, tls, sslOnConnect, idle);
        var rig = new InboxRig(new TempDatabase(), smtp, imap, tls, sslOnConnect, ct);
        await rig.SeedAsync();
        await rig.StartHostAsync();
        return rig;
    }

    public async Task StartHostAsync()
    {
        var settings = Smtp.ServiceSettings();
        settings["Storage:Path"] = Db.Path;
        settings["Calendar:Path"] = Path.Combine(Db.Folder, "calendar.txt");
        settings["Telegram:Enabled"] = "false";
        settings["Imap:Enabled"] = "true";
        settings["Imap:Host"] = "127.0.0.1";
        settings["Imap:Port"] = Imap.Port.ToString(CultureInfo.InvariantCulture);
        settings["Imap:Security"] = _tls is null ? "None" : _sslOnConnect ? "SslOnConnect" : "StartTls";
        settings["Imap:TrustedCertificate"] = _tls?.CertificatePath;
        settings["Imap:User"] = ImapServerFixture.User;
        settings["Imap:Password"] = ImapServerFixture.Password;
        settings["Imap:DoneFolder"] = DoneFolder;
        settings["Imap:TimeoutSeconds"] = "10";
        settings["Logging:LogLevel:Default"] = "Information";
        var builder = NokoBotHost.CreateServiceBuilder(settings);
        builder.Logging.ClearProviders().AddProvider(Logs);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        _host = builder.Build();
        await _host.StartAsync(_ct);
    }

    public async Task StopHostAsync()
    {
        if (_host is null) return;
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        _host = null;
    }

    private async Task SeedAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(Db.Folder, "calendar.txt"), "# weekends only\n", _ct);
        await new MigrationRunner(Db.Database, Time).ApplyAsync(_ct);
        var plan = new PlanImport(
        [
            new PlanItem("4", null, "Разработка технического задания для организации-оператора", ["Общественный совет"],
                "июнь", new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "техническое задание"),
            new PlanItem("5", null, "Проведение торгов", ["Общественный совет", "Комитет по образованию"],
                "август", new WindowDeadline("август", new(2020, 8, 1), new(2020, 8, 31)), "протокол"),
        ], []);
        CouncilId = await TestCouncil.AddAsync(Db.Database, Time, "desnogorsk", "Europe/Moscow", 2020, plan, _ct);
        await TestCouncil.AddMemberAsync(Db.Database, CouncilId, "Иванова", "member", null, Member, _ct, "Общественный совет");
        await TestCouncil.AddMemberAsync(Db.Database, CouncilId, "Секретарь", "secretary", null, Secretary, _ct);
        await new StateStore(Db.Database, Time).SetInstantAsync(StateKeys.SweptUntil, Time.GetUtcNow(), _ct);
    }

    /// <summary>Monday 22.06 10:00 Moscow: the weekly reminder about item 4 goes to Иванова by email.</summary>
    public async Task<MimeMessage> ReminderAsync()
    {
        await WaitAsync(() => To(Member).Any(m => m.Subject?.StartsWith("Напоминание", StringComparison.Ordinal) == true), "the reminder");
        return To(Member).First(m => m.Subject?.StartsWith("Напоминание", StringComparison.Ordinal) == true);
    }

    /// <summary>A letter from <paramref name="from"/> to the bot's mailbox; In-Reply-To <paramref name="original"/> when given.</summary>
    public static MimeMessage Letter(string from, string subject, MimeEntity body, MimeMessage? original = null)
    {
        var letter = new MimeMessage { Subject = subject, Body = body, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("school5.ru") };
        letter.From.Add(MailboxAddress.Parse(from));
        letter.To.Add(MailboxAddress.Parse(ImapServerFixture.User));
        if (original is not null)
        {
            letter.InReplyTo = original.MessageId;
            foreach (var reference in original.References) letter.References.Add(reference);
            letter.References.Add(original.MessageId!);
        }
        return letter;
    }

    public static TextPart Plain(string text) => new("plain") { Text = text };

    public List<MimeMessage> To(string address) =>
        [.. Smtp.Received().Where(r => r.RcptTo.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message)];

    /// <summary>Answers to members' letters (they thread under the letter they answer).</summary>
    public List<MimeMessage> AnswersTo(string address) =>
        [.. To(address).Where(m => m.Subject?.StartsWith("Записано", StringComparison.Ordinal) == true || m.Subject?.StartsWith("Не записано", StringComparison.Ordinal) == true)];

    public async Task<MimeMessage> AnswerToAsync(MimeMessage letter)
    {
        MimeMessage? answer = null;
        await WaitAsync(() => (answer = Smtp.Received().Select(r => r.Message).FirstOrDefault(m => m.InReplyTo == letter.MessageId)) is not null,
            $"the answer to «{letter.Subject}»");
        return answer!;
    }

    /// <summary>Waits for <paramref name="condition"/>; on a timeout the service's log says why.</summary>
    public async Task WaitAsync(Func<bool> condition, string what, int seconds = 20)
    {
        try
        {
            await Eventually.TrueAsync(condition, what, TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nService log:\n" + string.Join("\n", Logs.Lines.TakeLast(40)), e);
        }
    }

    /// <summary>What came of each letter read, by its Message-Id.</summary>
    public Dictionary<string, string> Outcomes()
    {
        using var connection = Db.Database.OpenAsync(_ct).GetAwaiter().GetResult();
        return connection.Query<(string Id, string Outcome)>("SELECT message_id, outcome FROM inbound_letters WHERE message_id IS NOT NULL")
            .ToDictionary(r => r.Id, r => r.Outcome, StringComparer.Ordinal);
    }

    public long Count(string sql)
    {
        using var connection = Db.Database.OpenAsync(_ct).GetAwaiter().GetResult();
        return connection.ExecuteScalar<long>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Imap.DisposeAsync();
        await Smtp.DisposeAsync();
        Db.Dispose();
    }
}
