using System.Text.Json.Nodes;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>
/// Next year in chat: from 1 December the secretary is offered a draft of next year's plan (with their reminders of
/// that morning, one message); the draft is the same preview as an upload, unfinished items kept by a press, and
/// written only on [Импортировать].
/// </summary>
public sealed class TelegramRolloverTests
{
    private const long Secretary = 700;
    private const long Member = 701;

    private static string Calendar => File.ReadAllText(RepoPaths.Of("config", "calendar", "ru.txt"));

    private static List<(string Text, string Data)> Buttons(FakeTelegramBotApi.ApiCall call) =>
        call.Body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? [.. rows.SelectMany(r => r!.AsArray()).Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()))]
            : [];

    private static async Task<FakeTelegramBotApi.ApiCall> MessageWithButtonAsync(TelegramRig rig, long chatId, string button, TimeSpan wait)
    {
        FakeTelegramBotApi.ApiCall? found = null;
        await Eventually.TrueAsync(() => (found = rig.Api.CallsTo("sendMessage")
            .LastOrDefault(c => c.Body["chat_id"]!.GetValue<long>() == chatId && Buttons(c).Any(b => b.Text.Contains(button, StringComparison.Ordinal)))) is not null,
            $"a message with «{button}»", wait);
        return found!;
    }

    [Fact]
    public async Task In_December_the_secretary_is_offered_next_years_draft_keeps_an_unfinished_item_and_imports_it()
    {
        // Just after the council's 10:00 on the first Monday of December 2020.
        var clock = new ShiftedClock(new DateTimeOffset(2020, 12, 7, 10, 0, 5, TimeSpan.FromHours(3)));
        await using var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken, clock, Calendar);
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);
        await rig.LinkAsync(Member, "Комитет по образованию");
        // The council was last planned at 09:59 (its own mark: the service adopted it at start, at 10:00:05).
        await rig.Service<CouncilScheduleStore>().SaveAsync(rig.CouncilId, new DateTimeOffset(2020, 12, 7, 9, 59, 0, TimeSpan.FromHours(3)),
            rig.Time.GetUtcNow().AddHours(1), TestContext.Current.CancellationToken);

        // The plan of the council Quartz would run at 10:00.
        var swept = rig.Time.GetUtcNow();
        await rig.Service<DeliverySweep>().RunAsync(TestContext.Current.CancellationToken);
        var offer = await MessageWithButtonAsync(rig, Secretary, "Подготовить план на 2021 год", TimeSpan.FromSeconds(15));
        var text = offer.Body["text"]!.GetValue<string>();
        Assert.Contains("Пора готовить план на 2021 год", text, StringComparison.Ordinal);
        Assert.Contains("3 невыполненных пункта", text, StringComparison.Ordinal);
        Assert.Equal(1, rig.Api.CallsTo("sendMessage").Count(c => c.Body["chat_id"]!.GetValue<long>() == Secretary && c.At >= swept));
        Assert.DoesNotContain(rig.Api.TextsTo(Member), t => t.Contains("Пора готовить", StringComparison.Ordinal));

        rig.Api.PushCallback(Secretary, Buttons(offer).Single(b => b.Text.StartsWith("Подготовить", StringComparison.Ordinal)).Data, offer.Body["message_id"]?.GetValue<int>() ?? 1);
        var preview = await MessageWithButtonAsync(rig, Secretary, "Импортировать", TimeSpan.FromSeconds(15));
        var draft = string.Join("\n", rig.Api.TextsTo(Secretary));
        Assert.Contains("Черновик плана на 2021 год по плану 2020 года", draft, StringComparison.Ordinal);
        Assert.Contains("Не выполнены в 2020 году (3)", draft, StringComparison.Ordinal);
        Assert.Contains("☐ п. 4", draft, StringComparison.Ordinal);
        Assert.Contains("с 01.06.2021 по 30.06.2021", draft, StringComparison.Ordinal);
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plans WHERE year = 2021"));

        var messageId = preview.Body["message_id"]?.GetValue<int>() ?? 1;
        rig.Api.PushCallback(Secretary, Buttons(preview).Single(b => b.Text == "☐ п. 4").Data, messageId, "Черновик");
        await Eventually.TrueAsync(() => rig.Api.CallsTo("editMessageReplyMarkup").Any(c => Buttons(c).Any(b => b.Text == "☑ п. 4")),
            "the toggle shown kept", TimeSpan.FromSeconds(15));
        rig.Api.PushCallback(Secretary, Buttons(preview).Single(b => b.Text == "Импортировать").Data, messageId, "Черновик");

        await Eventually.TrueAsync(async () => await rig.CountAsync("SELECT count(*) FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.year = 2021") == 1,
            "next year's plan with the kept item", TimeSpan.FromSeconds(15));
        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", rig.Db.Path);
        using var plan = System.Text.Json.JsonDocument.Parse(show.Out);
        Assert.Equal(2021, plan.RootElement.GetProperty("year").GetInt32());
        Assert.Equal(["4"], plan.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task A_member_a_planned_year_and_a_year_outside_the_calendar_get_one_clear_answer_each_and_nothing_is_drafted()
    {
        await using var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken, calendar: Calendar);
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);
        await rig.LinkAsync(Member, "Комитет по образованию");

        rig.Api.PushText(Member, "/rollover");
        rig.Api.PushText(Secretary, "/rollover 2020");
        rig.Api.PushText(Secretary, "/rollover 2041");

        await rig.WaitForTextAsync(Member, t => t.Contains("только секретарю и председателю", StringComparison.Ordinal));
        await rig.WaitForTextAsync(Secretary, t => t.Contains("План на 2020 год уже загружен", StringComparison.Ordinal));
        await rig.WaitForTextAsync(Secretary, t => t.Contains("нет 2041 года", StringComparison.Ordinal));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plan_drafts"));
    }
}
