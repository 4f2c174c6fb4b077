using System.Text;
using MimeKit;
using NokoBot.Tests.Fakes;
using static NokoBot.Tests.Inbox.InboxRig;

namespace NokoBot.Tests.Inbox;

/// <summary>
/// The letters a real mailbox gets, read by the service from a real IMAP server in one go: replies quoted the ways
/// Gmail and Outlook quote (with a command in the quote), HTML only, windows-1251 in base64, a protocol attached, a
/// letter with no command — each answered once — and a stranger, an auto-reply and bounces, never answered.
/// </summary>
public sealed class LetterKindsTests
{
    [Fact(Timeout = 120_000)]
    public async Task Each_letter_gets_what_it_asks_for_and_only_members_own_letters_are_answered()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await InboxRig.StartAsync(ct);
        var reminder = await rig.ReminderAsync();

        var postpone = Letter(Member, "Re: " + reminder.Subject, Windows1251Base64(
            "Перенос 4 15.07 ждём оператора\n\nпн, 22 июн. 2020 г. в 10:00, НОКО-бот <noko@example.org>:\n> Готово 4\n"), reminder);
        var html = Letter(Member, "Отчёт", new TextPart("html")
        {
            Text = "<html><head><style>p{}</style></head><body><div>Готово 5 <b>торги проведены</b></div>"
                + "<div>пн, 22 июн. 2020 г. в 10:00, Бот пишет:</div><blockquote><p>Перенос 5 01.09</p></blockquote></body></html>",
        });
        var protocol = Letter(Member, "Re: " + reminder.Subject, Attached("Протокол во вложении.", "protokol.pdf"), reminder);
        var nothing = Letter(Member, "Вопрос", Plain("Спасибо!\n-- \nИванова"));
        var stranger = Letter("unknown@example.net", "Готово 4", Plain("Готово 4"));
        var autoReply = Letter(Member, "Автоответ: " + reminder.Subject, Plain("Я в отпуске до 30.06. Готово 4"), reminder);
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        var listLetter = Letter(Member, "Рассылка", Plain("Готово 4"));
        listLetter.Headers.Add("Precedence", "bulk");
        var bounce = Bounce(Member, "5.1.1");
        var again = Bounce(Member, "5.1.1");
        var delay = Bounce("secretary@example.org", "4.4.1");
        await rig.Imap.AppendAllAsync([postpone, html, protocol, nothing, stranger, autoReply, listLetter, bounce, again, delay], ct);

        await rig.WaitAsync(() => rig.Outcomes().Count == 10, "all ten letters handled");
        var outcomes = rig.Outcomes();
        Assert.Equal(
            ["applied", "applied", "applied", "refused", "stranger", "automatic", "automatic", "bounce", "bounce", "bounce"],
            new[] { postpone, html, protocol, nothing, stranger, autoReply, listLetter, bounce, again, delay }.Select(l => outcomes[l.MessageId!]));

        Assert.Contains("Срок п. 4 «Разработка технического задания для организации-оператора» перенесён на 15.07.2020. Причина: ждём оператора",
            (await rig.AnswerToAsync(postpone)).TextBody, StringComparison.Ordinal);
        var htmlAnswer = await rig.AnswerToAsync(html);
        Assert.Equal("Записано: п. 5", htmlAnswer.Subject);
        Assert.Contains("Ждём отметки остальных ответственных", htmlAnswer.TextBody, StringComparison.Ordinal);
        Assert.Contains("Протокол «protokol.pdf» сохранён для п. 4", (await rig.AnswerToAsync(protocol)).TextBody, StringComparison.Ordinal);
        var refusal = await rig.AnswerToAsync(nothing);
        Assert.Equal("Не записано: ваше письмо", refusal.Subject);
        Assert.Contains("В письме не нашлось команды", refusal.TextBody, StringComparison.Ordinal);
        // The replies: a postponement of 4 (not the quoted «Готово»), 5 done (not the quoted «Перенос»), the protocol of 4.
        Assert.Equal(1, rig.Count("SELECT count(*) FROM replies WHERE kind = 'postponed'"));
        Assert.Equal(1, rig.Count("SELECT count(*) FROM replies WHERE kind = 'done'"));
        Assert.Equal(1, rig.Count("SELECT count(*) FROM replies WHERE kind = 'protocol' AND file_name = 'protokol.pdf'"));

        // The bounce: the address is failing, the secretary told once; the delay changed nothing.
        Assert.Equal(1, rig.Count($"SELECT count(*) FROM members WHERE email = '{Member}' AND email_state = 'failing'"));
        Assert.Equal(1, rig.Count($"SELECT count(*) FROM members WHERE email = '{Secretary}' AND email_state IS NULL"));
        await rig.WaitAsync(() => rig.To(Secretary).Count == 1, "the secretary's notice");
        Assert.Contains("Письма для Иванова на адрес ivanova@school5.ru не доставляются", rig.To(Secretary)[0].TextBody, StringComparison.Ordinal);

        // Four answers, nothing to the stranger, nothing for the automatic letters.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(4, rig.AnswersTo(Member).Count);
        Assert.Empty(rig.To("unknown@example.net"));
        Assert.Single(rig.To(Secretary));
        Assert.Contains(rig.Logs.Lines, l => l.Contains("unknown address unknown@example.net", StringComparison.Ordinal));
        Assert.Equal(0, await rig.Imap.CountAsync("INBOX", ct));
        Assert.Equal(10, await rig.Imap.CountAsync(DoneFolder, ct));
    }

    private static TextPart Windows1251Base64(string text)
    {
        var part = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.GetEncoding(1251), text);
        return part;
    }

    private static Multipart Attached(string text, string fileName) => new("mixed")
    {
        Plain(text),
        new MimePart("application", "pdf")
        {
            FileName = fileName,
            ContentTransferEncoding = ContentEncoding.Base64,
            Content = new MimeContent(new MemoryStream("%PDF-1.4 протокол"u8.ToArray())),
        },
    };

    /// <summary>A mail server's delivery status notification (RFC 3464) about a letter to <paramref name="address"/>.</summary>
    private static MimeMessage Bounce(string address, string status)
    {
        var raw = $"""
            From: Mail Delivery System <MAILER-DAEMON@mx.school5.ru>
            To: {ImapServerFixture.User}
            Subject: Undelivered Mail Returned to Sender
            Message-Id: <{Guid.NewGuid():N}@mx.school5.ru>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            This is the mail system. Your message could not be delivered.

            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.school5.ru

            Final-Recipient: rfc822; {address}
            Action: {(status.StartsWith('5') ? "failed" : "delayed")}
            Status: {status}

            --b1--

            """;
        return MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n"))));
    }
}
