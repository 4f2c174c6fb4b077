using System.Text;
using MimeKit;
using NokoBot.Delivery;
using NokoBot.Email;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Email;

/// <summary>Reminders over a real SMTP server on loopback: headers, bodies, encoding, and every failure path.</summary>
public abstract class EmailDeliveryTests(TestStorage storage)
{
    [Fact(Timeout = 20_000)]
    public async Task A_reminder_arrives_with_its_headers_bodies_and_a_cyrillic_subject()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SmtpServerFixture.StartAsync(ct);
        using var rig = await EmailRig.CreateAsync(server.Port, ct, storage: storage);
        const string key = "item:1@2020-06-30|before|member:7|email|0";

        var outcome = await rig.Channel.SendAsync(EmailRig.Message("member@example.org", EmailRig.Notice(key, title: "Разработка <ТЗ> & «опросник»")), ct);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        var (rcpt, message) = Assert.Single(server.Received());
        Assert.Equal(["member@example.org"], rcpt);
        Assert.Equal("Напоминание: п. 4 — срок до 30.06.2020", message.Subject);
        Assert.Equal(EmailComposer.MessageIdFor(key, EmailRig.From), message.MessageId);
        Assert.Equal(message.MessageId, sent.ExternalId);
        Assert.Equal("НОКО-бот Десногорск", message.From.Mailboxes.Single().Name);
        Assert.Equal(("Иванова Мария", "member@example.org"), (message.To.Mailboxes.Single().Name, message.To.Mailboxes.Single().Address));
        Assert.StartsWith("<mailto:noko@example.org?subject=", message.Headers[HeaderId.ListUnsubscribe], StringComparison.Ordinal);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);

        // The Cyrillic subject travels as an RFC 2047 encoded word, not raw 8-bit bytes.
        var raw = File.ReadAllText(Directory.GetFiles(Path.Combine(server.Maildir, "new")).Single(), Encoding.Latin1);
        Assert.Contains("Subject: =?utf-8?", raw, StringComparison.OrdinalIgnoreCase);

        Assert.Contains("Пункт 4. Разработка <ТЗ> & «опросник»", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Срок: до 30.06.2020 (в плане: «июнь»)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Планируемый результат: протокол заседания", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("/done 4", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("/postpone 4", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Вы получаете это письмо, потому что", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Разработка &lt;ТЗ&gt; &amp; «опросник»", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<ТЗ>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("http", message.HtmlBody!.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Everything_due_for_a_person_at_once_is_one_letter_soonest_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SmtpServerFixture.StartAsync(ct);
        using var rig = await EmailRig.CreateAsync(server.Port, ct, storage: storage);
        var overdue = EmailRig.Notice("item:2@2020-05-20|overdue|member:7|email|12", "2", "Мониторинг сайтов") with
        {
            Kind = NokoBot.Domain.Reminders.ReminderKind.Overdue, Due = new DateOnly(2020, 5, 20), DaysOverdue = 12,
        };

        await rig.Channel.SendAsync(EmailRig.Message("member@example.org", overdue, EmailRig.Notice("item:1@2020-06-30|before|member:7|email|7")), ct);

        var (_, message) = Assert.Single(server.Received());
        Assert.Equal("Сроки по плану: п. 2, 4 — " + EmailRig.CouncilName, message.Subject);
        var text = message.TextBody!;
        Assert.True(text.IndexOf("Просрочено на 12 дней: п. 2", StringComparison.Ordinal) < text.IndexOf("Напоминание: п. 4", StringComparison.Ordinal));
        Assert.Contains("по пунктам 2, 4", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_channel_says_retry_when_the_server_is_down_and_failed_when_the_address_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        int port;
        await using (var probe = await SmtpServerFixture.StartAsync(ct)) port = probe.Port;
        using var down = await EmailRig.CreateAsync(port, ct, storage: storage);
        var retry = await down.Channel.SendAsync(EmailRig.Message("member@example.org", EmailRig.Notice("k1")), ct);

        await using var server = await SmtpServerFixture.StartAsync(ct, reject: ["gone@example.org"], defer: 0);
        using var rig = await EmailRig.CreateAsync(server.Port, ct, storage: storage);
        var refused = await rig.Channel.SendAsync(EmailRig.Message("gone@example.org", EmailRig.Notice("k2")), ct);
        var noAddress = await rig.Channel.SendAsync(EmailRig.Message("", EmailRig.Notice("k3")), ct);

        Assert.Contains("unavailable", Assert.IsType<SendOutcome.Retry>(retry).Error, StringComparison.Ordinal);
        Assert.Contains("550", Assert.IsType<SendOutcome.Failed>(refused).Error, StringComparison.Ordinal);
        Assert.IsType<SendOutcome.Failed>(noAddress);
        Assert.Empty(server.Received());
    }

    [Fact(Timeout = 30_000)]
    public async Task Server_down_then_up_delivers_the_queued_reminder_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        int port;
        await using (var probe = await SmtpServerFixture.StartAsync(ct)) port = probe.Port;
        using var rig = await EmailRig.CreateAsync(port, ct, storage: storage);
        var key = await rig.EnqueueReminderAsync("member@example.org", ct);

        Assert.Equal(0, await rig.DispatchAsync(ct));
        var entry = (await rig.Ledger.FindAsync(key, ct))!;
        Assert.Equal((DeliveryStatus.Pending, 1), (entry.Status, entry.Attempts));
        Assert.Contains("unavailable", entry.LastError, StringComparison.Ordinal);

        await using var server = await SmtpServerFixture.StartAsync(ct, port: port);
        Assert.Equal(0, await rig.DispatchAsync(ct)); // still inside its back-off
        rig.Time.Advance(RetryPolicy.Backoff(0) + TimeSpan.FromSeconds(1));
        var up = await rig.DispatchAsync(ct);
        var again = await rig.DispatchAsync(ct);
        Assert.False(await rig.Ledger.EnqueueAsync(
            new DeliveryRequest(key, rig.Council.Id, entry.ItemId, entry.MemberId, NokoBot.Domain.Reminders.ReminderKind.Before, Channels.Email, entry.Recipient, rig.Time.GetUtcNow()), ct));

        Assert.Equal((1, 0), (up, again));
        var (_, message) = Assert.Single(server.Received());
        Assert.Equal(EmailComposer.MessageIdFor(key, EmailRig.From), message.MessageId);
        Assert.Equal(DeliveryStatus.Sent, (await rig.Ledger.FindAsync(key, ct))!.Status);
    }

    [Fact(Timeout = 20_000)]
    public async Task One_rejected_recipient_fails_alone_and_the_rest_go_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SmtpServerFixture.StartAsync(ct, reject: ["gone@example.org"]);
        using var rig = await EmailRig.CreateAsync(server.Port, ct, storage: storage);
        var first = await rig.EnqueueReminderAsync("first@example.org", ct);
        var gone = await rig.EnqueueReminderAsync("gone@example.org", ct);
        var last = await rig.EnqueueReminderAsync("last@example.org", ct);

        var sent = await rig.DispatchAsync(ct);

        Assert.Equal(2, sent);
        Assert.Equal(["first@example.org", "last@example.org"], server.Received().Select(r => r.RcptTo.Single()).Order(StringComparer.Ordinal));
        var failed = (await rig.Ledger.FindAsync(gone, ct))!;
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("User unknown", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, (await rig.Ledger.FindAsync(first, ct))!.Status);
        Assert.Equal(DeliveryStatus.Sent, (await rig.Ledger.FindAsync(last, ct))!.Status);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_451_answer_is_retried_after_the_back_off_and_delivered_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SmtpServerFixture.StartAsync(ct, defer: 1);
        using var rig = await EmailRig.CreateAsync(server.Port, ct, storage: storage);
        var key = await rig.EnqueueReminderAsync("member@example.org", ct);

        var first = await rig.DispatchAsync(ct);
        var deferred = (await rig.Ledger.FindAsync(key, ct))!;
        rig.Time.Advance(RetryPolicy.Backoff(0) + TimeSpan.FromSeconds(1));
        var second = await rig.DispatchAsync(ct);

        Assert.Equal(0, first);
        Assert.Equal(DeliveryStatus.Pending, deferred.Status);
        Assert.Contains("451", deferred.LastError, StringComparison.Ordinal);
        Assert.Equal(rig.Time.GetUtcNow() - TimeSpan.FromSeconds(1), deferred.DueAt);
        Assert.Equal(1, second);
        Assert.Single(server.Received());
    }

    [Fact]
    public void The_message_id_is_stable_per_delivery_key()
    {
        var a = EmailComposer.MessageIdFor("item:1@2020-06-30|before|mail:a@b|email|0", "noko@example.org");
        Assert.Equal(a, EmailComposer.MessageIdFor("item:1@2020-06-30|before|mail:a@b|email|0", "noko@example.org"));
        Assert.NotEqual(a, EmailComposer.MessageIdFor("item:1@2020-06-30|before|mail:a@b|email|1", "noko@example.org"));
        Assert.EndsWith("@example.org", a, StringComparison.Ordinal);
        Assert.True(MailboxAddress.TryParse(a, out _));
    }
}

public sealed class EmailDeliveryTestsOnSqlite() : EmailDeliveryTests(TestStorage.Sqlite);

public sealed class EmailDeliveryTestsOnPostgres(PostgresServerFixture postgres) : EmailDeliveryTests(TestStorage.Postgres(postgres));
