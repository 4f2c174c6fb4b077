using System.Text.Json.Nodes;
using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Texts;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

public sealed class TelegramReminderAndUploadTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static async Task<int> SendReminderAsync(TelegramRig rig, long userId, string item)
    {
        var itemId = await rig.ItemIdAsync(item);
        var memberId = await rig.MemberIdAsync(userId);
        var channel = rig.Service<IEnumerable<IDeliveryChannel>>().Single(c => c.Name == Channels.Telegram);
        var notice = new ReminderNotice($"item:{itemId}@2020-08-31|before|member:{memberId}|telegram|7", ReminderKind.Before,
            "Общественный совет desnogorsk", itemId, item, "Проведение торгов", ["Комитет по образованию"], "июнь – август", new DateOnly(2020, 8, 31), "определение оператора");
        var message = new ReminderMessage(notice.DeliveryKey, notice.CouncilName, "Europe/Moscow", new Recipient($"member:{memberId}", memberId, "Мария", userId, null), [notice]);
        var outcome = await channel.SendAsync(message, TestContext.Current.CancellationToken);
        return int.Parse(Assert.IsType<SendOutcome.Sent>(outcome).ExternalId!, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_reminder_carries_four_buttons_and_pressing_done_records_it_and_edits_the_message()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        var messageId = await SendReminderAsync(rig, 501, "5");
        var (itemId, memberId) = (await rig.ItemIdAsync("5"), await rig.MemberIdAsync(501));

        var sent = rig.Api.CallsTo("sendMessage")[^1];
        Assert.Contains("Напоминание: п. 5 «Проведение торгов» — срок до 31.08.2020", sent.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var buttons = sent.Body["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ToList();
        Assert.Equal(["Готово", "+7 дней", "Другая дата", "Протокол"], buttons.Select(b => b!["text"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.True(b!["callback_data"]!.GetValue<string>().Length <= 64));

        rig.Api.PushCallback(501, $"r:d:{itemId}:{memberId}", messageId, "Напоминание: п. 5");
        await Eventually.TrueAsync(() => rig.Api.CallsTo("editMessageText").Count == 1, "the reminder edited");

        Assert.Contains("✅", rig.Api.CallsTo("editMessageText")[0].Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(rig.Api.CallsTo("editMessageText")[0].Body["reply_markup"]);
        Assert.Single(rig.Api.CallsTo("answerCallbackQuery"));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies r JOIN parties p ON p.id = r.party_id WHERE r.kind = 'done' AND p.name = 'Комитет по образованию'"));
    }

    [Fact]
    public async Task Other_date_asks_for_the_date_and_takes_the_next_message_as_the_answer()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        var messageId = await SendReminderAsync(rig, 501, "5");
        var (itemId, memberId) = (await rig.ItemIdAsync("5"), await rig.MemberIdAsync(501));

        rig.Api.PushCallback(501, $"r:o:{itemId}:{memberId}", messageId);
        await rig.WaitForTextAsync(501, t => t.StartsWith("Напишите новую дату для п. 5", StringComparison.Ordinal));
        rig.Api.PushText(501, "20 сентября");
        var answer = await rig.WaitForTextAsync(501, t => t.Contains("перенесён", StringComparison.Ordinal));
        rig.Api.PushCallback(501, $"r:w:{itemId}:{memberId}", messageId);
        await Eventually.TrueAsync(() => rig.Api.CallsTo("editMessageText").Count == 1, "the +7 edit");

        Assert.Contains("20.09.2020", answer, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies WHERE kind = 'postponed' AND new_date = '2020-09-20'"));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies WHERE kind = 'postponed' AND new_date = '2020-09-27'"));
    }

    [Fact]
    public async Task A_forged_or_stale_button_is_refused_and_changes_nothing()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        await rig.LinkAsync(502, "Общественный совет");
        var (itemId, other) = (await rig.ItemIdAsync("5"), await rig.MemberIdAsync(502));

        rig.Api.PushCallback(501, $"r:d:{itemId}:{other}", 42);
        rig.Api.PushCallback(501, $"r:d:99999:{await rig.MemberIdAsync(501)}", 43);
        rig.Api.PushCallback(501, "r:x:1:1", 44);
        rig.Api.PushCallback(501, "'; DROP TABLE replies; --", 45);
        await Eventually.TrueAsync(() => rig.Api.CallsTo("answerCallbackQuery").Count == 4, "four answers");

        var answers = rig.Api.CallsTo("answerCallbackQuery").Select(c => c.Body["text"]!.GetValue<string>()).ToList();
        Assert.Contains(answers, a => a.Contains("другому участнику", StringComparison.Ordinal));
        Assert.Equal(3, answers.Count(a => a.Contains("устарела", StringComparison.Ordinal)));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM replies"));
        Assert.Empty(rig.Api.CallsTo("editMessageText"));
    }

    [Fact]
    public async Task A_protocol_is_stored_by_its_sha256_owner_only_and_closes_a_protocol_item()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(502, "Общественный совет");
        byte[] pdf = [.. "%PDF-1.4 протокол заседания"u8];

        rig.Api.PushDocument(502, "Протокол №3.pdf", pdf, "/protocol 8");
        var answer = await rig.WaitForTextAsync(502, t => t.StartsWith("📎", StringComparison.Ordinal));

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        var stored = Path.Combine(rig.Db.Folder, "protocols", sha + ".pdf");
        Assert.Contains("Пункт закрыт", answer, StringComparison.Ordinal);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(stored, _ct));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies WHERE kind = 'protocol' AND file_sha256 = @sha AND file_name = 'Протокол №3.pdf' AND file_size = @size", new { sha, size = pdf.Length }));
    }

    [Theory]
    [InlineData("big.pdf", 30L * 1024 * 1024, "слишком большой")]
    [InlineData("virus.exe", null, "не подходит")]
    public async Task An_upload_too_big_or_of_a_forbidden_type_is_refused_before_download(string fileName, long? claimedSize, string reason)
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(502, "Общественный совет");

        rig.Api.PushDocument(502, fileName, [1, 2, 3], "/protocol 8", claimedSize);
        var answer = await rig.WaitForTextAsync(502, t => !t.Contains("Здравствуйте", StringComparison.Ordinal));

        Assert.Contains(reason, answer, StringComparison.Ordinal);
        Assert.Empty(rig.Api.CallsTo("getFile"));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM replies"));
    }

    [Fact]
    public async Task Updates_sent_while_the_bot_was_down_are_handled_once_after_restart_and_never_replayed()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        await rig.StopHostAsync(_ct);

        rig.Api.PushText(501, "/done 5 сделано");
        rig.Api.PushText(501, "/item 5");
        var last = rig.Api.PushText(501, "/my");
        await rig.StartHostAsync(_ct);
        await rig.WaitForTextAsync(501, t => t.Contains("открытых пунктов", StringComparison.OrdinalIgnoreCase) || t.Contains("открытые пункты", StringComparison.Ordinal), skip: 1);
        var answered = rig.Api.TextsTo(501).Count;
        await rig.StopHostAsync(_ct);
        var polls = rig.Api.PollOffsets.Count;
        await rig.StartHostAsync(_ct);
        // A second poll of the restarted receiver comes only after it handled whatever its first poll brought.
        await Eventually.TrueAsync(() => rig.Api.PollOffsets.Count >= polls + 2, "two polls after the second restart");

        Assert.Equal(last + 1, rig.Api.PollOffsets[polls]); // it resumed after the last handled update
        Assert.Equal(answered, rig.Api.TextsTo(501).Count);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies WHERE kind = 'done'"));
        Assert.Equal(0, rig.Api.PendingUpdates);
    }

    [Fact]
    public async Task A_429_storm_delays_reminders_but_each_member_gets_exactly_one_within_the_limits()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        long[] users = [601, 602, 603, 604, 605];
        foreach (var user in users) await rig.LinkAsync(user, "Комитет по образованию");
        var itemId = await rig.ItemIdAsync("5");
        var ledger = rig.Service<DeliveryLedger>();
        var throttled = 0;
        rig.Api.EnforceLimits = true;
        rig.Api.Fault = (method, _) => method == "sendMessage" && Interlocked.Increment(ref throttled) <= 4 ? (429, "Too Many Requests: retry after 1", 1) : null;

        foreach (var user in users)
        {
            var member = await rig.MemberIdAsync(user);
            var key = DeliveryKey.Create(DeliveryKey.ItemOccurrence(itemId, new DateOnly(2020, 8, 31)), ReminderKind.Before, $"member:{member}", Channels.Telegram, 7);
            await ledger.EnqueueAsync(new DeliveryRequest(key, rig.CouncilId, itemId, member, ReminderKind.Before, Channels.Telegram, $"member:{member}", rig.Time.GetUtcNow()), _ct);
        }
        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        // Every ledger row marked sent: no send is in flight and none is left to retry, so any repeat has already happened.
        await Eventually.TrueAsync(() => rig.CountAsync("SELECT count(*) FROM deliveries WHERE status <> 'sent'").GetAwaiter().GetResult() == 0
            && rig.CountAsync("SELECT count(*) FROM deliveries WHERE status = 'sent'").GetAwaiter().GetResult() == users.Length,
            "every delivery marked sent", TimeSpan.FromSeconds(20));

        Assert.All(users, u => Assert.Single(rig.Api.TextsTo(u), t => t.Contains("Напоминание", StringComparison.Ordinal)));
        Assert.Equal(0, rig.Api.LimitViolations);
        Assert.True(throttled >= 4);
    }

    [Fact]
    public async Task The_bot_token_never_reaches_the_logs()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        // A poll whose connection drops, then an answer refused by the server (a 500, retried, then a 400): both are
        // logged with their exceptions, which is where a request's URL (and so the token) could leak.
        var polls = 0;
        rig.Api.Disrupt = (method, _) => method == "getUpdates" && Interlocked.Increment(ref polls) == 1 ? FakeTelegramBotApi.Disruption.Drop : FakeTelegramBotApi.Disruption.None;
        var answers = 0;
        rig.Api.Fault = (method, _) => method != "sendMessage" ? null
            : Interlocked.Increment(ref answers) == 1 ? (500, "Internal Server Error", null) : (400, "Bad Request: chat not found", null);
        rig.Api.PushText(999, "/start not-a-code");
        await Eventually.TrueAsync(() => HasLine("getUpdates failed") && HasLine("a response to chat 999 was not delivered"), "both failures logged");
        await rig.StopHostAsync(_ct);

        var secret = FakeTelegramBotApi.Token.Split(':')[1];
        Assert.Equal(2, rig.Api.CallsTo("sendMessage:fault").Count);
        Assert.All(rig.Logs.Lines.Where(l => l.Contains("getUpdates failed", StringComparison.Ordinal) || l.Contains("was not delivered", StringComparison.Ordinal)),
            line => Assert.Contains("at Telegram.Bot.TelegramBotClient.SendRequest", line, StringComparison.Ordinal)); // the client's exception, logged
        Assert.DoesNotContain(rig.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));

        bool HasLine(string text) => rig.Logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal));
    }
}
