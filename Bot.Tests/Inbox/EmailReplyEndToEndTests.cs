using System.Text.Json;
using MailKit;
using NokoBot.Tests.Support;
using static NokoBot.Tests.Inbox.InboxRig;

namespace NokoBot.Tests.Inbox;

/// <summary>
/// The email channel's loop closed through real servers: a member reached by email only gets a reminder over SMTP,
/// answers it «Готово» into the IMAP mailbox, and the service records it, answers once, and never again.
/// </summary>
public sealed class EmailReplyEndToEndTests
{
    [Fact(Timeout = 120_000)]
    public async Task An_email_only_member_replies_done_to_a_reminder_and_the_item_is_done_for_their_party_with_one_confirmation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await InboxRig.StartAsync(ct);
        var reminder = await rig.ReminderAsync();
        Assert.Equal("Напоминание: п. 4 — срок до 30.06.2020", reminder.Subject);

        // Outlook quotes the reminder below the answer, and the quote holds a command too.
        var reply = Letter(Member, "RE: " + reminder.Subject, Plain(
            "Готово, техническое задание утверждено\n\n-----Original Message-----\nFrom: noko@example.org\nSubject: " + reminder.Subject
            + "\n\nПеренос 4 15.07 причина\n"), reminder);
        await rig.Imap.AppendAsync(reply, ct);

        var answer = await rig.AnswerToAsync(reply);
        Assert.Equal("Записано: п. 4", answer.Subject);
        Assert.Contains("Отмечено: п. 4", answer.TextBody, StringComparison.Ordinal);
        Assert.Contains("Пункт закрыт", answer.TextBody, StringComparison.Ordinal);
        Assert.Contains(reply.MessageId, answer.References);
        Assert.Equal("auto-replied", answer.Headers["Auto-Submitted"]);

        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", rig.Db.Path);
        Assert.Equal(0, show.ExitCode);
        using (var json = JsonDocument.Parse(show.Out))
        {
            var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == "4");
            Assert.Equal("done", item.GetProperty("status").GetString());
            var party = Assert.Single(item.GetProperty("parties").EnumerateArray());
            Assert.Equal(("Общественный совет", true), (party.GetProperty("name").GetString(), party.GetProperty("done").GetBoolean()));
        }
        await Eventually.TrueAsync(() => rig.Imap.CountAsync("INBOX", ct).GetAwaiter().GetResult() == 0, "the letter moved away", TimeSpan.FromSeconds(10));
        var (moved, flags, _) = Assert.Single(await rig.Imap.ReadAsync(DoneFolder, ct));
        Assert.Equal(reply.MessageId, moved.MessageId);
        Assert.True(flags.HasFlag(MessageFlags.Seen));
        Assert.Equal(1, rig.Count("SELECT count(*) FROM replies")); // the quoted «Перенос» was not read

        // The same letter again (a mail server delivering twice, a client copying it back), read after a restart.
        await rig.StopHostAsync();
        await rig.Imap.AppendAsync(reply, ct);
        await rig.StartHostAsync();
        await Eventually.TrueAsync(() => rig.Imap.CountAsync("INBOX", ct).GetAwaiter().GetResult() == 0, "the copy moved away", TimeSpan.FromSeconds(20));

        Assert.Equal(2, await rig.Imap.CountAsync(DoneFolder, ct));
        Assert.Single(rig.AnswersTo(Member));
        Assert.Equal(1, rig.Count("SELECT count(*) FROM replies"));
        Assert.Equal(1, rig.Count("SELECT count(*) FROM inbound_letters"));
        Assert.Contains(rig.Logs.Lines, l => l.Contains("was handled before", StringComparison.Ordinal));
    }
}
