using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Reminders;
using NokoBot.Email;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Email;

/// <summary>The email side wired by hand against a temp database, a fake clock and an SMTP server port.</summary>
internal sealed class EmailRig : IDisposable
{
    public const string From = "noko@example.org";

    private EmailRig(TempDatabase db, FakeTimeProvider time, SmtpOptions options, Council council)
    {
        Db = db;
        Time = time;
        var wrapped = Options.Create(options);
        Ledger = new DeliveryLedger(db.Database, time);
        Composer = new EmailComposer(wrapped, time);
        var sender = new EmailSender(wrapped, NullLogger<EmailSender>.Instance);
        Outbox = new EmailOutbox(Ledger, new EmailOutboxStore(db.Database, time), sender, time, NullLogger<EmailOutbox>.Instance);
        Agendas = new AgendaMailer(Composer, Outbox, time);
        ReminderChannel = new EmailReminderChannel(Composer, sender);
        Digests = new DigestMailer(db.Database, Composer, Outbox, ProductionCalendar.WeekendsOnly, time);
        Council = council;
    }

    public TempDatabase Db { get; }
    public FakeTimeProvider Time { get; }
    public DeliveryLedger Ledger { get; }
    public EmailComposer Composer { get; }
    public EmailOutbox Outbox { get; }
    public AgendaMailer Agendas { get; }
    public EmailReminderChannel ReminderChannel { get; }
    public DigestMailer Digests { get; }
    public Council Council { get; }

    public static async Task<EmailRig> CreateAsync(int port, CancellationToken ct, string timeZone = "Europe/Moscow")
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 6, 1, 6, 0, 0, TimeSpan.Zero));
        var db = await TempDatabase.CreateMigratedAsync(time, ct);
        var council = await new CouncilStore(db.Database, time).AddAsync("desnogorsk", "Общественный совет г. Десногорск", timeZone, ct);
        var options = new SmtpOptions
        {
            Enabled = true, Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None,
            From = From, FromName = "НОКО-бот Десногорск", TimeoutSeconds = 5,
        };
        return new EmailRig(db, time, options, council!);
    }

    public static ReminderNotice Notice(string key, string number = "4", string title = "Разработка технического задания") => new(
        key, ReminderKind.Before, "Общественный совет г. Десногорск", 1, number, title,
        ["Комитет по образованию", "Общественный совет"], "июнь", new DateOnly(2020, 6, 30), "протокол заседания");

    public static MemberContact Member(string address) =>
        new(7, "Иванова Мария", MemberRole.Member, null, false, address, ["Комитет по образованию"]);

    /// <summary>A rendered reminder-shaped message put in the outbox (exercises the outbox and the sender's batch paths).</summary>
    public async Task<string> EnqueueAsync(string address, CancellationToken ct)
    {
        var key = DeliveryKey.Create(DeliveryKey.ItemOccurrence(1, new DateOnly(2020, 6, 30)), ReminderKind.Before, $"mail:{address}", EmailOutbox.Channel);
        var request = new DeliveryRequest(key, Council.Id, null, null, ReminderKind.Before, EmailOutbox.Channel, address, Time.GetUtcNow());
        var message = Composer.Compose(key, MimeKit.MailboxAddress.Parse(address), ReminderEmail.Render(Notice(key), From));
        Assert.True(await Outbox.EnqueueAsync(request, message, ct));
        return key;
    }

    public void Dispose() => Db.Dispose();
}
