using System.Diagnostics;
using NokoBot.Domain.Councils;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;
using NokoBot.Texts;

namespace NokoBot.Tests.Telegram;

public sealed class TelegramConversationTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invite_links_the_user_to_their_party_and_the_greeting_lists_their_open_items()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        var code = await rig.InviteAsync("Общественный совет");

        rig.Api.PushText(501, $"/start {code}");
        var greeting = await rig.WaitForTextAsync(501, t => t.Contains("Здравствуйте", StringComparison.Ordinal));

        Assert.Contains("Общественный совет", greeting, StringComparison.Ordinal);
        Assert.Contains("п. 4", greeting, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;для&lt;/b&gt;", greeting, StringComparison.Ordinal); // a title's HTML shows literally
        Assert.DoesNotContain("п. 5", greeting, StringComparison.Ordinal); // another party's item
        Assert.Equal(1, await rig.CountAsync(
            "SELECT count(*) FROM members m JOIN member_parties mp ON mp.member_id = m.id JOIN parties p ON p.id = mp.party_id WHERE m.telegram_user_id = 501 AND p.name = 'Общественный совет'"));
        var menu = rig.Api.CallsTo("setMyCommands")[0].Body["commands"]!.AsArray()
            .Select(c => (c!["command"]!.GetValue<string>(), c["description"]!.GetValue<string>()));
        Assert.Equal(CommandTable.Menu, menu); // the menu whose limits CommandTableTests check is the one sent
    }

    [Fact]
    public async Task An_invite_works_once_expires_and_a_guessed_code_fails()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        var code = await rig.InviteAsync("Общественный совет");
        var shortLived = await rig.InviteAsync("Комитет по образованию", lifetime: TimeSpan.FromMilliseconds(1));
        await Task.Delay(20, _ct);

        rig.Api.PushText(501, $"/start {code}");
        await rig.WaitForTextAsync(501, t => t.Contains("Здравствуйте", StringComparison.Ordinal));
        rig.Api.PushText(502, $"/start {code}");
        rig.Api.PushText(503, $"/start {shortLived}");
        rig.Api.PushText(504, "/start AAAAAAAAAAAAAAAAAAAAAA");

        foreach (var user in new long[] { 502, 503, 504 })
            Assert.Contains("недействительна", await rig.WaitForTextAsync(user, _ => true), StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM members"));
        Assert.Equal(22, code!.Length);
    }

    [Fact]
    public async Task A_stranger_gets_a_polite_refusal_and_no_plan_data_and_changes_nothing()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);

        rig.Api.PushText(999, "/my");
        rig.Api.PushText(999, "/plan");
        rig.Api.PushText(999, "/done 4");
        rig.Api.PushText(999, "привет");
        rig.Api.PushCallback(999, "r:d:1:1", 77);
        rig.Api.PushDocument(999, "протокол.pdf", [1, 2, 3], "/protocol 8");
        await rig.WaitForTextAsync(999, _ => true, skip: 4);
        await Eventually.TrueAsync(() => rig.Api.CallsTo("answerCallbackQuery").Count == 1, "the button answer");

        Assert.All(rig.Api.TextsTo(999), t => Assert.Equal(
            "Здравствуйте! Этот бот работает только для участников общественного совета. Попросите у секретаря совета ссылку-приглашение.", t));
        Assert.Empty(rig.Api.CallsTo("getFile"));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM replies"));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM members"));
    }

    [Theory]
    [InlineData("15.07", "2020-07-15")]
    [InlineData("15.07.2020", "2020-07-15")]
    [InlineData("15 июля", "2020-07-15")]
    [InlineData("+7", "2020-06-30")]
    public async Task Postpone_takes_every_date_form(string date, string expected)
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");

        rig.Api.PushText(501, $"/postpone 5 {date} ждём оператора");
        var answer = await rig.WaitForTextAsync(501, t => t.Contains("перенесён", StringComparison.Ordinal));

        Assert.Contains("ждём оператора", answer, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies WHERE kind = 'postponed' AND new_date = @expected AND comment = 'ждём оператора'", new { expected }));
    }

    [Theory]
    [InlineData("/postpone 5 01.06", "уже прошла")]
    [InlineData("/postpone 5 15.01.2021", "только председатель")]
    [InlineData("/postpone 5 завтра", "Использование: /postpone")]
    [InlineData("/done", "Использование: /done")]
    [InlineData("/done 99", "нет пункта 99")]
    [InlineData("/done 8", "закреплён за: Общественный совет")]
    [InlineData("/frobnicate", "Не знаю команды /frobnicate")]
    [InlineData("/invite Общественный совет", "только секретарю и председателю")]
    public async Task Bad_requests_are_answered_with_the_reason_and_change_nothing(string text, string reason)
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");

        rig.Api.PushText(501, text);
        var answer = await rig.WaitForTextAsync(501, t => !t.Contains("Здравствуйте", StringComparison.Ordinal));

        Assert.Contains(reason, answer, StringComparison.Ordinal);
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM replies"));
    }

    [Fact]
    public async Task Done_records_the_members_party_and_the_item_closes_when_every_party_has_reported()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        await rig.LinkAsync(502, "Общественный совет");

        rig.Api.PushText(501, "/done 4 задание готово");
        var first = await rig.WaitForTextAsync(501, t => t.StartsWith('✅'));
        rig.Api.PushText(502, "/done 4");
        var second = await rig.WaitForTextAsync(502, t => t.StartsWith('✅'));
        rig.Api.PushText(501, "/my");
        var my = await rig.WaitForTextAsync(501, t => t.Contains("открытые пункты", StringComparison.OrdinalIgnoreCase) || t.Contains("нет", StringComparison.Ordinal), skip: 1);

        Assert.Contains("Ждём отметки остальных", first, StringComparison.Ordinal);
        Assert.Contains("Пункт закрыт", second, StringComparison.Ordinal);
        Assert.DoesNotContain("п. 4", my, StringComparison.Ordinal);
        Assert.Contains("п. 5", my, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretary_sees_the_plan_records_an_event_sets_a_date_and_invites()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(700, null, MemberRole.Secretary);

        rig.Api.PushText(700, "/setdue 8 10.07");
        var due = await rig.WaitForTextAsync(700, t => t.StartsWith("Срок п. 8 назначен", StringComparison.Ordinal));
        rig.Api.PushText(700, "/event поступление результатов НОКО 14.09");
        await rig.WaitForTextAsync(700, t => t.Contains("Событие", StringComparison.Ordinal));
        rig.Api.PushText(700, "/invite Комитет по образованию");
        var link = await rig.WaitForTextAsync(700, t => t.Contains("t.me", StringComparison.Ordinal));
        rig.Api.PushText(700, "/plan");
        var plan = await rig.WaitForTextAsync(700, t => t.Contains("План на 2020 год", StringComparison.Ordinal));

        Assert.Contains("до 10.07.2020", due, StringComparison.Ordinal);
        Assert.Matches($"https://t.me/{FakeTelegramBotApi.BotUsername}\\?start=[A-Za-z0-9_-]{{22}}", link);
        Assert.Contains("п. 8", plan, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM events WHERE name = 'поступление результатов НОКО' AND occurred_on = '2020-09-14'"));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM plan_items WHERE number = '8' AND due_override = '2020-07-10'"));
    }

    [Fact]
    public async Task A_flood_from_one_user_does_not_hold_up_another()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        await rig.LinkAsync(502, "Общественный совет");
        // The answer to /my, not the greeting (which lists the open items too).
        static bool IsMyAnswer(string text) => text.StartsWith("<b>Ваши открытые пункты</b>", StringComparison.Ordinal);
        int FloodAnswers() => rig.Api.TextsTo(501).Count(IsMyAnswer);
        int FloodWarnings() => rig.Logs.Lines.Count(l => l.Contains("user 501 sends too fast", StringComparison.Ordinal));

        for (var i = 0; i < 40; i++) rig.Api.PushText(501, "/my");
        rig.Api.PushText(502, "/my");
        var waiting = Stopwatch.StartNew();
        await rig.WaitForTextAsync(502, IsMyAnswer);
        var waited = waiting.Elapsed;
        var floodAnswered = FloodAnswers();

        // Answered at Telegram's one message per second per chat, the 40 messages alone would hold the other member ~40 s.
        Assert.True(waited < TimeSpan.FromSeconds(15), $"the other member waited {waited.TotalSeconds:0.0} s behind the flood");
        Assert.InRange(floodAnswered, 1, 12);
        // Every flood message was handled; the unanswered ones were the flood guard's doing.
        Assert.Equal(40 - floodAnswered, FloodWarnings());

        // Within the same minute the flooder is still throttled, and their next message does not delay the other member's.
        rig.Api.PushText(501, "/my");
        rig.Api.PushText(502, "/my");
        await rig.WaitForTextAsync(502, IsMyAnswer, skip: 1);

        Assert.Equal(floodAnswered, FloodAnswers());
        Assert.Equal(41 - floodAnswered, FloodWarnings());
        Assert.DoesNotContain(rig.Logs.Lines, l => l.Contains("user 502 sends too fast", StringComparison.Ordinal));
    }
}
