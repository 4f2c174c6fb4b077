using NokoBot.Delivery;
using NokoBot.Domain.Reminders;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>Several items in one message, each with its own buttons; a member's own reminder hour and weekly summary.</summary>
public sealed class TelegramBundleAndSettingsTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Items 4 (overdue) and 5 (due 31.08) for the member, through the real Telegram channel; returns the message id.</summary>
    private static async Task<int> SendBundleAsync(TelegramRig rig, long userId)
    {
        var memberId = await rig.MemberIdAsync(userId);
        ReminderNotice Notice(string number, long itemId, ReminderKind kind, DateOnly due, string title, int overdue = 0) => new(
            $"item:{itemId}@{due:yyyy-MM-dd}|{kind.ToName()}|member:{memberId}|telegram|{overdue}", kind, "Общественный совет desnogorsk", itemId, number,
            title, ["Комитет по образованию"], "июнь", due, "результат", overdue);
        var items = new[]
        {
            Notice("4", await rig.ItemIdAsync("4"), ReminderKind.Overdue, new DateOnly(2020, 6, 16), "Разработка технического задания <b>для</b> оператора", 7),
            Notice("5", await rig.ItemIdAsync("5"), ReminderKind.Before, new DateOnly(2020, 8, 31), "Проведение торгов"),
        };
        var channel = rig.Service<IEnumerable<IDeliveryChannel>>().Single(c => c.Name == Channels.Telegram);
        var outcome = await channel.SendAsync(new ReminderMessage("bundle:1", "Общественный совет desnogorsk", "Europe/Moscow",
            new Recipient($"member:{memberId}", memberId, "Мария", userId, null), items), TestContext.Current.CancellationToken);
        return int.Parse(Assert.IsType<SendOutcome.Sent>(outcome).ExternalId!, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Two_items_due_at_once_are_one_message_soonest_first_with_a_row_of_buttons_each()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");

        await SendBundleAsync(rig, 501);

        var sent = rig.Api.CallsTo("sendMessage")[^1];
        var text = sent.Body["text"]!.GetValue<string>();
        Assert.StartsWith("<b>План совета, 2 пункта: п. 4 — просрочено на 7 дней, п. 5 — срок до 31.08.2020</b>", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("п. 4", 60, StringComparison.Ordinal) < text.IndexOf("Напоминание: п. 5", StringComparison.Ordinal));
        Assert.Contains("&lt;b&gt;для&lt;/b&gt;", text, StringComparison.Ordinal);
        var rows = sent.Body["reply_markup"]!["inline_keyboard"]!.AsArray();
        Assert.Equal(["✅ п. 4", "✅ п. 5"], rows.Select(r => r![0]!["text"]!.GetValue<string>()));
        Assert.All(rows.SelectMany(r => r!.AsArray()), b => Assert.True(b!["callback_data"]!.GetValue<string>().Length <= 64));
    }

    [Fact]
    public async Task Pressing_one_items_done_records_it_and_leaves_the_other_items_buttons()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        var messageId = await SendBundleAsync(rig, 501);
        var keyboard = rig.Api.CallsTo("sendMessage")[^1].Body["reply_markup"];
        var (item5, member) = (await rig.ItemIdAsync("5"), await rig.MemberIdAsync(501));

        rig.Api.PushCallback(501, $"r:d:{item5}:{member}", messageId, "План совета, 2 пункта", keyboard);
        await Eventually.TrueAsync(() => rig.Api.CallsTo("editMessageText").Count == 1, "the message edited");

        var edit = rig.Api.CallsTo("editMessageText")[0].Body;
        Assert.Contains("✅ Отмечено: п. 5", edit["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["✅ п. 4"], edit["reply_markup"]!["inline_keyboard"]!.AsArray().Select(r => r![0]!["text"]!.GetValue<string>()));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies WHERE kind = 'done' AND item_id = @item5", new { item5 }));
    }

    [Fact]
    public async Task A_protocol_sent_in_reply_to_a_message_about_several_items_asks_which_item()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        var member = await rig.MemberIdAsync(501);
        var (item4, item5) = (await rig.ItemIdAsync("4"), await rig.ItemIdAsync("5"));
        // What the dispatcher records for a bundle: each item's row marked sent with the one message id.
        await using (var connection = await rig.Db.Database.OpenAsync(_ct))
            foreach (var item in new[] { item4, item5 })
                await Dapper.SqlMapper.ExecuteAsync(connection,
                    "INSERT INTO deliveries (key, council_id, item_id, member_id, kind, channel, recipient, due_at, status, external_id, created_at) " +
                    "VALUES (@key, @council, @item, @member, 'before', 'telegram', 'r', 0, 'sent', '777', 0)",
                    new { key = $"k{item}", council = rig.CouncilId, item, member });

        rig.Api.PushDocument(501, "протокол.pdf", [.. "%PDF"u8], null, replyToMessageId: 777);
        var answer = await rig.WaitForTextAsync(501, t => t.Contains("несколько пунктов", StringComparison.Ordinal));

        Assert.Contains("/protocol N", answer, StringComparison.Ordinal);
        Assert.Empty(rig.Api.CallsTo("getFile"));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM replies"));
    }

    [Fact]
    public async Task A_member_sets_their_own_reminder_hour_and_the_weekly_summary_only()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");

        rig.Api.PushText(501, "/settings");
        var shown = await rig.WaitForTextAsync(501, t => t.StartsWith("<b>Ваши настройки</b>", StringComparison.Ordinal));
        rig.Api.PushText(501, "/settings 8:30");
        await rig.WaitForTextAsync(501, t => t.StartsWith("Сохранено: напоминания в 08:30", StringComparison.Ordinal));
        rig.Api.PushCallback(501, "s:w:1", 1, "Ваши настройки");
        await rig.WaitForTextAsync(501, t => t.Contains("только еженедельная сводка", StringComparison.Ordinal));
        rig.Api.PushText(501, "/settings в полночь");
        var usage = await rig.WaitForTextAsync(501, t => t.StartsWith("Использование: /settings", StringComparison.Ordinal));

        Assert.Contains("Время напоминаний: 10:00 (как у совета)", shown, StringComparison.Ordinal);
        var buttons = rig.Api.CallsTo("sendMessage").First(c => c.Body["text"]!.GetValue<string>().StartsWith("<b>Ваши", StringComparison.Ordinal)).Body["reply_markup"]!;
        Assert.Contains("Только сводка раз в неделю", buttons["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["text"]!.GetValue<string>()));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM members WHERE telegram_user_id = 501 AND reminder_time = '08:30' AND weekly_summary = 1"));
        Assert.Contains("ЧЧ:ММ", usage, StringComparison.Ordinal);
    }
}
