using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NokoBot.Domain.Councils;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>The secretary's plan upload in chat: a preview first, written only on their own confirmation, once, within a day.</summary>
public sealed class TelegramPlanUploadTests
{
    private const long Secretary = 700;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static string Calendar => File.ReadAllText(RepoPaths.Of("config", "calendar", "ru.txt"));

    private static async Task<TelegramRig> StartAsync(bool withPlan = false)
    {
        var rig = await TelegramRig.StartAsync(TestContext.Current.CancellationToken, calendar: Calendar, withPlan: withPlan);
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);
        return rig;
    }

    /// <summary>The preview's message with its buttons, and the data of the button whose text is <paramref name="button"/>.</summary>
    private static async Task<(FakeTelegramBotApi.ApiCall Message, string Data)> PreviewAsync(TelegramRig rig, long chatId, string button = "Импортировать", int skip = 0)
    {
        FakeTelegramBotApi.ApiCall? found = null;
        await Eventually.TrueAsync(() => (found = rig.Api.CallsTo("sendMessage")
            .Where(c => c.Body["chat_id"]!.GetValue<long>() == chatId && Buttons(c).Any(b => b.Text == button)).Skip(skip).FirstOrDefault()) is not null,
            "a preview", TimeSpan.FromSeconds(15));
        return (found!, Buttons(found!).First(b => b.Text == button).Data);
    }

    private static List<(string Text, string Data)> Buttons(FakeTelegramBotApi.ApiCall call) =>
        call.Body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? [.. rows.SelectMany(r => r!.AsArray()).Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()))]
            : [];

    private static int MessageId(FakeTelegramBotApi.ApiCall call) => call.Body["message_id"]?.GetValue<int>() ?? 0;

    private static async Task<JsonDocument> PlanShowAsync(TelegramRig rig)
    {
        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", rig.Db.Path);
        Assert.True(show.ExitCode == 0, show.Error);
        return JsonDocument.Parse(show.Out);
    }

    public static TheoryData<string, string?> SeedFiles => new() { { "desnogorsk-2020.docx", null }, { "план.txt", "План на 2020 год" } };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public async Task The_secretary_uploads_the_seed_sees_the_preview_confirms_and_the_plan_holds_16_items(string fileName, string? caption)
    {
        await using var rig = await StartAsync();
        var content = fileName.EndsWith(".docx", StringComparison.Ordinal) ? SeedPlans.DesnogorskDocx : SeedPlans.DesnogorskTxt;

        rig.Api.PushDocument(Secretary, fileName, content, caption);
        var (preview, import) = await PreviewAsync(rig, Secretary);
        var text = string.Join("\n", rig.Api.TextsTo(Secretary));

        Assert.Contains("Предпросмотр плана на 2020 год", text, StringComparison.Ordinal);
        Assert.Contains("Пунктов: 16", text, StringComparison.Ordinal);
        Assert.Contains("п. 1 «Обсуждение плана работы Общественного совета.» — «январь - март» → период: с 01.01.2020 по 31.03.2020", text, StringComparison.Ordinal);
        Assert.Contains("п. 15", text, StringComparison.Ordinal);
        Assert.Contains("→ постоянно", text, StringComparison.Ordinal);
        Assert.Contains("Нужна дата: п.", text, StringComparison.Ordinal);
        Assert.Contains("Ждут события: п.", text, StringComparison.Ordinal);
        Assert.Contains("Ответственные без участников: ", text, StringComparison.Ordinal);
        Assert.Contains("/protocol N", text, StringComparison.Ordinal);
        Assert.Contains("Колонки: № — колонка 1", text, StringComparison.Ordinal); // how the table was read, before anything is written
        Assert.Contains("срок — колонка 4 (заголовок «Сроки»)", text, StringComparison.Ordinal);
        Assert.All(Buttons(preview), b => Assert.True(Encoding.UTF8.GetByteCount(b.Data) <= 64));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plans"));

        rig.Api.PushCallback(Secretary, import, MessageId(preview), "Предпросмотр");
        await Eventually.TrueAsync(() => rig.Api.CallsTo("editMessageText").Any(c => c.Body["text"]!.GetValue<string>().Contains("добавлено 16", StringComparison.Ordinal)),
            "the preview edited to say it was imported", TimeSpan.FromSeconds(15));

        using var plan = await PlanShowAsync(rig);
        Assert.Equal(16, plan.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2020, plan.RootElement.GetProperty("year").GetInt32());
    }

    private static async Task ImportSeedAsync(TelegramRig rig)
    {
        rig.Api.PushDocument(Secretary, "desnogorsk-2020.txt", SeedPlans.DesnogorskTxt, null);
        var (preview, import) = await PreviewAsync(rig, Secretary);
        rig.Api.PushCallback(Secretary, import, MessageId(preview), "Предпросмотр");
        await Eventually.TrueAsync(async () => await rig.CountAsync("SELECT count(*) FROM plan_items") == 16, "the seed imported");
    }

    [Fact]
    public async Task A_changed_re_upload_shows_the_difference_and_keeps_the_replies()
    {
        await using var rig = await StartAsync();
        await ImportSeedAsync(rig);
        rig.Api.PushText(Secretary, "/done 1 обсудили");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("Отмечено: п. 1", StringComparison.Ordinal));
        var changed = SeedPlans.DesnogorskText.Replace("январь -\nмарт", "январь -\nапрель", StringComparison.Ordinal);
        Assert.NotEqual(SeedPlans.DesnogorskText, changed);

        rig.Api.PushDocument(Secretary, "desnogorsk-2020-v2.txt", Encoding.UTF8.GetBytes(changed), "2020");
        var (preview, import) = await PreviewAsync(rig, Secretary, skip: 1);
        var text = rig.Api.TextsTo(Secretary)[^1];

        Assert.Contains("План на 2020 год уже загружен", text, StringComparison.Ordinal);
        Assert.Contains("Изменятся (1)", text, StringComparison.Ordinal);
        Assert.Contains("п. 1 «Обсуждение плана работы Общественного совета.»: срок «январь - март» → «январь - апрель» (с 01.01.2020 по 30.04.2020)", text, StringComparison.Ordinal);
        Assert.Contains("Без изменений: 15 пунктов.", text, StringComparison.Ordinal);
        Assert.Contains("Ответы участников сохранятся (1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Добавятся", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Будут сняты", text, StringComparison.Ordinal);

        rig.Api.PushCallback(Secretary, import, MessageId(preview), "Предпросмотр");
        await Eventually.TrueAsync(async () => await rig.CountAsync("SELECT count(*) FROM plan_items WHERE number = '1' AND deadline_end = '2020-04-30'") == 1, "the change imported");

        using var plan = await PlanShowAsync(rig);
        var item1 = plan.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == "1");
        Assert.Equal("done", item1.GetProperty("status").GetString());
        Assert.Equal(16, plan.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies"));
    }

    [Fact]
    public async Task A_members_upload_and_a_strangers_are_refused_and_nothing_is_read_or_written()
    {
        await using var rig = await StartAsync(withPlan: true);
        await rig.LinkAsync(501, "Комитет по образованию");

        rig.Api.PushDocument(501, "desnogorsk-2020.docx", SeedPlans.DesnogorskDocx, null);
        rig.Api.PushDocument(999, "desnogorsk-2020.docx", SeedPlans.DesnogorskDocx, null);
        var member = await rig.WaitForTextAsync(501, t => t.Contains("только секретарь и председатель", StringComparison.Ordinal));
        var stranger = await rig.WaitForTextAsync(999, t => t.Contains("только для участников", StringComparison.Ordinal));

        Assert.Contains("/protocol N", member, StringComparison.Ordinal);
        Assert.Single(rig.Api.TextsTo(501), t => !t.Contains("Здравствуйте", StringComparison.Ordinal));
        Assert.Single(rig.Api.TextsTo(999));
        Assert.Empty(rig.Api.CallsTo("getFile"));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plan_drafts"));
        Assert.Equal(3, await rig.CountAsync("SELECT count(*) FROM plan_items"));
    }

    [Fact]
    public async Task A_press_by_another_person_a_second_press_and_a_stale_preview_change_nothing_and_say_so()
    {
        await using var rig = await StartAsync();
        await rig.LinkAsync(701, null, MemberRole.Chair);
        rig.Api.PushDocument(Secretary, "desnogorsk-2020.txt", SeedPlans.DesnogorskTxt, null);
        var (preview, import) = await PreviewAsync(rig, Secretary);

        // The chair presses the secretary's preview (a forwarded message, say): refused, nothing written.
        rig.Api.PushCallback(701, import, MessageId(preview), "Предпросмотр");
        await rig.WaitForTextAsync(701, t => t.Contains("прислал другой человек", StringComparison.Ordinal));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plans"));

        // Confirmed by its author, then pressed again: the second press changes nothing.
        rig.Api.PushCallback(Secretary, import, MessageId(preview), "Предпросмотр");
        await Eventually.TrueAsync(async () => await rig.CountAsync("SELECT count(*) FROM plan_items") == 16, "imported");
        rig.Api.PushCallback(Secretary, import, MessageId(preview), "Предпросмотр");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("уже импортирован", StringComparison.Ordinal));

        // A preview older than a day: its import is refused.
        rig.Api.PushDocument(Secretary, "desnogorsk-2020-v2.txt", SeedPlans.DesnogorskTxt, null);
        var (second, import2) = await PreviewAsync(rig, Secretary, skip: 1);
        await rig.CountAsync("UPDATE plan_drafts SET created_at = created_at - 90000000, expires_at = expires_at - 90000000 WHERE outcome IS NULL");
        rig.Api.PushCallback(Secretary, import2, MessageId(second), "Предпросмотр");
        await rig.WaitForTextAsync(Secretary, t => t.Contains("Предпросмотр устарел", StringComparison.Ordinal));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM plan_drafts WHERE outcome = 'imported'"));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM plan_drafts WHERE outcome IS NULL"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_plan_and_a_year_outside_the_calendar_get_one_answer_each_and_change_nothing()
    {
        await using var rig = await StartAsync(withPlan: true);

        rig.Api.PushDocument(Secretary, "notes.txt", Encoding.UTF8.GetBytes("Список дел на неделю\nкупить бумагу\n"), null);
        var notAPlan = await rig.WaitForTextAsync(Secretary, t => t.StartsWith("Не удалось прочитать план", StringComparison.Ordinal));
        rig.Api.PushDocument(Secretary, "desnogorsk.txt", SeedPlans.DesnogorskTxt, "план на 2035 год");
        var year = await rig.WaitForTextAsync(Secretary, t => t.Contains("нет 2035 года", StringComparison.Ordinal));

        Assert.Contains("не похож на план", notAPlan, StringComparison.Ordinal);
        Assert.Contains("Ничего не изменено", year, StringComparison.Ordinal);
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plan_drafts"));
        Assert.Equal(3, await rig.CountAsync("SELECT count(*) FROM plan_items"));
    }

    [Fact]
    public async Task Twenty_uploads_in_a_minute_are_read_a_few_times_refused_once_and_change_nothing()
    {
        await using var rig = await StartAsync();
        for (var i = 0; i < 20; i++) rig.Api.PushDocument(Secretary, $"plan{i}.txt", SeedPlans.DesnogorskTxt, null);
        await Eventually.TrueAsync(() => rig.Api.PendingUpdates == 0 && rig.Api.PollOffsets.Count > 0 && rig.Api.PollOffsets[^1] > 20, "every upload handled",
            TimeSpan.FromSeconds(30));
        await rig.WaitForTextAsync(Secretary, t => t.StartsWith("Слишком много файлов", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => rig.Api.TextsTo(Secretary).Count(t => t.Contains("Предпросмотр плана", StringComparison.Ordinal)) == 3, "three previews");

        Assert.Equal(3, rig.Api.CallsTo("getFile").Count);
        Assert.Single(rig.Api.TextsTo(Secretary), t => t.StartsWith("Слишком много файлов", StringComparison.Ordinal));
        Assert.Equal(3, await rig.CountAsync("SELECT count(*) FROM plan_drafts"));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plans"));
    }
}
