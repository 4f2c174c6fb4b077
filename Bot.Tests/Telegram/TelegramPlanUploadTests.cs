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
        Assert.All(Buttons(preview), b => Assert.True(Encoding.UTF8.GetByteCount(b.Data) <= 64));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM plans"));

        rig.Api.PushCallback(Secretary, import, MessageId(preview), "Предпросмотр");
        await Eventually.TrueAsync(() => rig.Api.CallsTo("editMessageText").Any(c => c.Body["text"]!.GetValue<string>().Contains("добавлено 16", StringComparison.Ordinal)),
            "the preview edited to say it was imported", TimeSpan.FromSeconds(15));

        using var plan = await PlanShowAsync(rig);
        Assert.Equal(16, plan.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2020, plan.RootElement.GetProperty("year").GetInt32());
    }
}
