using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NokoBot.Desk;
using NokoBot.Tests.Support;
using NokoBot.Texts;

namespace NokoBot.Tests.Web;

/// <summary>
/// The secretary's plan upload on the council's pages: the desk reads the file into a draft as in chat, the preview
/// says what the chat says, «Импортировать» imports once in one transaction; a member sees no form and gets 404; bad
/// input is answered on the page and nothing is written.
/// </summary>
public sealed partial class WebPlanUploadTests : IAsyncLifetime
{
    private const string Upload = "/c/desnogorsk/plan/upload";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() =>
        _rig = await WebRig.StartAsync(_ct, calendar: File.ReadAllText(RepoPaths.Of("config", "calendar", "ru.txt")), withPlan: false);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    /// <summary>Posts the upload form as a browser would: multipart, the page's anti-forgery field, the file, the year.</summary>
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string? year = null)
    {
        var page = await client.GetStringAsync(Upload, _ct);
        using var form = new MultipartFormDataContent();
        foreach (var field in await WebRig.Form(page).ReadAsStringAsync(_ct) is var encoded ? encoded.Split('&') : [])
        {
            var pair = field.Split('=', 2);
            form.Add(new StringContent(WebUtility.UrlDecode(pair[1])), WebUtility.UrlDecode(pair[0]));
        }
        if (year is not null) form.Add(new StringContent(year), "year");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(Upload, form, _ct);
    }

    /// <summary>Presses a button of the preview page at <paramref name="preview"/>: its form, with the page's token.</summary>
    private async Task<HttpResponseMessage> PressAsync(HttpClient client, string preview, string action) =>
        await client.PostAsync(preview + "/" + action, WebRig.Form(await client.GetStringAsync(preview, _ct)), _ct);

    /// <summary>The notice the year page shows once after a press.</summary>
    private async Task<string> YearNoticeAsync(HttpClient client) =>
        WebUtility.HtmlDecode(Notice().Match(await client.GetStringAsync("/c/desnogorsk", _ct)).Groups["text"].Value);

    private Task<long> CountAsync(string sql) => _rig.Telegram.CountAsync(sql, new { council = _rig.Telegram.CouncilId });

    private async Task<JsonDocument> PlanShowAsync()
    {
        var show = await CliRunner.RunAsync("plan", "show", "--council", "desnogorsk", "--json", "--db", _rig.Telegram.Db.Path);
        Assert.True(show.ExitCode == 0, show.Error);
        return JsonDocument.Parse(show.Out);
    }

    [Fact]
    public async Task The_secretary_uploads_the_seed_sees_the_chats_preview_imports_it_and_a_second_press_changes_nothing()
    {
        using var secretary = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);
        Assert.Contains(Upload, await secretary.GetStringAsync("/c/desnogorsk", _ct), StringComparison.Ordinal);

        using var uploaded = await UploadAsync(secretary, "desnogorsk-2020.docx", SeedPlans.DesnogorskDocx);
        Assert.Equal(HttpStatusCode.SeeOther, uploaded.StatusCode);
        var preview = uploaded.Headers.Location!.OriginalString;
        Assert.Matches("^/c/desnogorsk/plan/drafts/[0-9]+$", preview);
        var page = WebUtility.HtmlDecode(await secretary.GetStringAsync(preview, _ct));
        Assert.Contains("Предпросмотр плана на 2020 год (файл «desnogorsk-2020.docx»)", page, StringComparison.Ordinal);
        Assert.Contains("Пунктов: 16", page, StringComparison.Ordinal);
        Assert.Contains("п. 1 «Обсуждение плана работы Общественного совета.» — «январь - март» → период: с 01.01.2020 по 31.03.2020", page, StringComparison.Ordinal);
        Assert.Contains("Колонки: № — колонка 1", page, StringComparison.Ordinal);
        Assert.Contains(">" + DeskTexts.ButtonImport + "</button>", page, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM plans WHERE council_id = @council"));

        using var imported = await PressAsync(secretary, preview, "import");
        Assert.Equal(HttpStatusCode.SeeOther, imported.StatusCode);
        Assert.Equal("/c/desnogorsk", imported.Headers.Location!.OriginalString);
        Assert.Equal(DeskTexts.Imported(2020, 16, 0, 0, null), await YearNoticeAsync(secretary));
        using (var plan = await PlanShowAsync())
        {
            Assert.Equal(16, plan.RootElement.GetProperty("items").GetArrayLength());
            Assert.Equal(2020, plan.RootElement.GetProperty("year").GetInt32());
        }

        // The same button again (a second tab, a double click): the desk says it is done, nothing is written.
        var before = await CountAsync("SELECT max(id) FROM plan_items");
        using var again = await secretary.PostAsync(preview + "/import", WebRig.Form(await secretary.GetStringAsync(Upload, _ct)), _ct);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(DeskTexts.AlreadySettled(imported: true), await YearNoticeAsync(secretary));
        Assert.Equal(16, await CountAsync("SELECT count(*) FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.council_id = @council"));
        Assert.Equal(before, await CountAsync("SELECT max(id) FROM plan_items"));
        Assert.Contains(DeskTexts.AlreadySettled(imported: true), WebUtility.HtmlDecode(await secretary.GetStringAsync(preview, _ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_sees_no_form_and_every_upload_address_is_not_found()
    {
        using var secretary = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);
        using (var seed = await UploadAsync(secretary, "desnogorsk-2020.txt", SeedPlans.DesnogorskTxt))
            (await PressAsync(secretary, seed.Headers.Location!.OriginalString, "import")).Dispose();
        await _rig.LinkMemberAsync();
        var changed = SeedPlans.DesnogorskText.Replace("январь -\nмарт", "январь -\nапрель", StringComparison.Ordinal);
        using var uploaded = await UploadAsync(secretary, "desnogorsk-2020-v2.txt", Encoding.UTF8.GetBytes(changed));
        var preview = uploaded.Headers.Location!.OriginalString;
        using var member = await _rig.SignedInClientAsync(WebRig.Member, _ct);

        var year = await member.GetStringAsync("/c/desnogorsk", _ct);
        Assert.DoesNotContain("/plan/upload", year, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(Upload, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(preview, _ct)).StatusCode);
        var token = WebRig.Form(year);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(preview + "/import", token, _ct)).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SeedPlans.DesnogorskTxt), "file", "plan.txt" } };
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostAsync(Upload, form, _ct)).StatusCode);

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.council_id = @council AND i.deadline_end = '2020-04-30'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM plan_drafts WHERE council_id = @council AND settled_at IS NULL"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_plan_a_wrong_type_a_year_outside_the_calendar_and_a_file_too_big_are_refused_on_the_page_and_nothing_is_written()
    {
        using var secretary = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);

        using var notAPlan = await UploadAsync(secretary, "заметки.txt", Encoding.UTF8.GetBytes("Купить хлеба.\nПозвонить в комитет.\n"));
        Assert.Equal(HttpStatusCode.BadRequest, notAPlan.StatusCode);
        Assert.Contains("Не удалось прочитать план: ", Notice().Match(await notAPlan.Content.ReadAsStringAsync(_ct)).Groups["text"].Value, StringComparison.Ordinal);

        using var pdf = await UploadAsync(secretary, "plan.pdf", SeedPlans.DesnogorskTxt);
        Assert.Equal(WebDeskTexts.WrongType("plan.pdf"), WebUtility.HtmlDecode(Notice().Match(await pdf.Content.ReadAsStringAsync(_ct)).Groups["text"].Value));

        using var year = await UploadAsync(secretary, "desnogorsk.txt", SeedPlans.DesnogorskTxt, "2031");
        Assert.StartsWith("В производственном календаре нет 2031 года", WebUtility.HtmlDecode(Notice().Match(await year.Content.ReadAsStringAsync(_ct)).Groups["text"].Value), StringComparison.Ordinal);

        using var badYear = await UploadAsync(secretary, "desnogorsk.txt", SeedPlans.DesnogorskTxt, "в этом году");
        Assert.Equal(WebDeskTexts.BadYear("в этом году"), WebUtility.HtmlDecode(Notice().Match(await badYear.Content.ReadAsStringAsync(_ct)).Groups["text"].Value));

        using var tooBig = await UploadAsync(secretary, "desnogorsk.txt", new byte[PlanDesk.MaxUploadBytes + 100 * 1024]);
        Assert.Equal(DeskTexts.PlanTooBig(PlanDesk.MaxUploadBytes), WebUtility.HtmlDecode(Notice().Match(await tooBig.Content.ReadAsStringAsync(_ct)).Groups["text"].Value));

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM plan_drafts WHERE council_id = @council"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM plans WHERE council_id = @council"));
    }

    [Fact]
    public async Task A_cancelled_preview_cannot_be_imported_afterwards()
    {
        using var secretary = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);
        using var uploaded = await UploadAsync(secretary, "desnogorsk-2020.txt", SeedPlans.DesnogorskTxt);
        var preview = uploaded.Headers.Location!.OriginalString;

        using var cancelled = await PressAsync(secretary, preview, "cancel");
        Assert.Equal(DeskTexts.Cancelled, await YearNoticeAsync(secretary));
        using var import = await secretary.PostAsync(preview + "/import", WebRig.Form(await secretary.GetStringAsync(Upload, _ct)), _ct);
        Assert.Equal(DeskTexts.AlreadySettled(imported: false), await YearNoticeAsync(secretary));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM plans WHERE council_id = @council"));
    }

    [GeneratedRegex("<p class=\"notice[^\"]*\" role=\"status\">(?<text>[^<]*)</p>")]
    private static partial Regex Notice();
}
