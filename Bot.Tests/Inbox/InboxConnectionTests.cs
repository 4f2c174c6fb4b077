using NokoBot.Tests.Support;
using static NokoBot.Tests.Inbox.InboxRig;

namespace NokoBot.Tests.Inbox;

/// <summary>
/// The mailbox reader against a real IMAP server that speaks TLS, that offers no IDLE, that restarts while the reader
/// waits in IDLE, and that holds two hundred letters at once.
/// </summary>
public sealed class InboxConnectionTests
{
    [Theory(Timeout = 120_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Over_tls_with_a_password_and_without_idle_the_letters_waiting_are_read(bool sslOnConnect)
    {
        var ct = TestContext.Current.CancellationToken;
        var certificate = TestCertificate.Create(Directory.CreateTempSubdirectory("nokobot-cert-").FullName);
        await using var rig = await InboxRig.StartAsync(ct, certificate, sslOnConnect, idle: false);
        var reminder = await rig.ReminderAsync();
        var reply = Letter(Member, "Re: " + reminder.Subject, Plain("готово"), reminder);
        await rig.StopHostAsync();
        await rig.Imap.AppendAsync(reply, ct);

        await rig.StartHostAsync();

        Assert.Equal("Записано: п. 4", (await rig.AnswerToAsync(reply)).Subject);
        Assert.Contains(rig.Logs.Lines, l => l.Contains("INBOX: polling", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.Logs.Lines, l => l.Contains(Fakes.ImapServerFixture.Password, StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_mailbox_server_restarted_while_the_reader_waits_in_idle_is_a_warning_and_the_next_letter_is_read()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await InboxRig.StartAsync(ct);
        var reminder = await rig.ReminderAsync();
        await rig.WaitAsync(() => rig.Logs.Lines.Any(l => l.Contains("INBOX: IDLE", StringComparison.Ordinal)), "the reader in IDLE");

        await rig.Imap.StopAsync(ct);
        await rig.WaitAsync(() => rig.Logs.Lines.Any(l => l.Contains("unavailable, trying again", StringComparison.Ordinal)), "the warning");
        await rig.Imap.StartAgainAsync(ct);
        var reply = Letter(Member, "Re: " + reminder.Subject, Plain("Готово"), reminder);
        await rig.Imap.AppendAsync(reply, ct);

        Assert.Equal("Записано: п. 4", (await rig.AnswerToAsync(reply)).Subject);
        Assert.Equal(2, rig.Logs.Lines.Count(l => l.Contains("INBOX: IDLE", StringComparison.Ordinal)));
        Assert.DoesNotContain(rig.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_letter_over_25_MB_is_not_read_nor_answered_and_the_next_one_is()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await InboxRig.StartAsync(ct);
        var reminder = await rig.ReminderAsync();
        var scan = new byte[19 * 1024 * 1024 + 512 * 1024]; // base64 makes it ≈ 26 MB
        Random.Shared.NextBytes(scan);
        var large = Letter(Member, "Re: " + reminder.Subject, new MimeKit.Multipart("mixed")
        {
            Plain("Готово"),
            new MimeKit.MimePart("application", "pdf")
            {
                FileName = "scan.pdf", ContentTransferEncoding = MimeKit.ContentEncoding.Base64, Content = new MimeKit.MimeContent(new MemoryStream(scan)),
            },
        }, reminder);
        var small = Letter(Member, "Готово 5", Plain(""));
        await rig.Imap.AppendAllAsync([large, small], ct);

        Assert.Equal("Записано: п. 5", (await rig.AnswerToAsync(small)).Subject);
        Assert.Equal("too-large", rig.Outcomes()[large.MessageId!]);
        Assert.Equal(0, rig.Count("SELECT count(*) FROM replies r JOIN plan_items i ON i.id = r.item_id WHERE i.number = '4'"));
        Assert.Single(rig.AnswersTo(Member));
        Assert.Contains(rig.Logs.Lines, l => l.Contains("over the limit", StringComparison.Ordinal));
    }

    [Fact(Timeout = 180_000)]
    public async Task Two_hundred_letters_at_once_are_each_handled_and_answered_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await InboxRig.StartAsync(ct);
        await rig.ReminderAsync();
        await rig.StopHostAsync();
        var letters = Enumerable.Range(0, 200).Select(i => Letter(Member, i % 2 == 0 ? "Готово 5" : $"Перенос 5 {1 + i % 28:00}.09 письмо {i}", Plain("")) ).ToList();
        await rig.Imap.AppendAllAsync(letters, ct);

        await rig.StartHostAsync();

        await rig.WaitAsync(() => rig.Count("SELECT count(*) FROM inbound_letters") == 200, "200 letters handled", 90);
        Assert.Equal(200, rig.Count("SELECT count(*) FROM deliveries WHERE kind = 'answer'"));
        Assert.Equal(100, rig.Count("SELECT count(*) FROM replies WHERE kind = 'postponed'"));
        Assert.Equal(1, rig.Count("SELECT count(*) FROM replies WHERE kind = 'done'")); // then: already done for their party
        await rig.WaitAsync(() => rig.Imap.CountAsync(DoneFolder, ct).GetAwaiter().GetResult() == 200, "all moved");
        Assert.Equal(0, await rig.Imap.CountAsync("INBOX", ct));
    }
}
