using Microsoft.Playwright;
using NokoBot.Tests.Support;
using NokoBot.Texts;

namespace NokoBot.Tests.Web;

/// <summary>The plan upload in a real browser with JavaScript off: the form's file field, the preview, «Импортировать».</summary>
public sealed class WebPlanUploadBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() =>
        _rig = await WebRig.StartAsync(_ct, calendar: File.ReadAllText(RepoPaths.Of("config", "calendar", "ru.txt")), withPlan: false);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task The_secretary_uploads_the_seed_with_the_form_reads_the_preview_and_imports_it()
    {
        var link = await _rig.AskSignInLinkAsync(WebRig.Secretary);
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.SignInButton }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = WebDeskTexts.UploadLink, Exact = true }).ClickAsync();
        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "desnogorsk-2020.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = SeedPlans.DesnogorskDocx,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = WebDeskTexts.UploadButton }).ClickAsync();

        Assert.Matches("/c/desnogorsk/plan/drafts/[0-9]+$", page.Url);
        Assert.Equal("Предпросмотр плана на 2020 год (файл «desnogorsk-2020.docx»)", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Пунктов: 16", await page.Locator("div.preview").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _rig.Telegram.CountAsync("SELECT count(*) FROM plans WHERE council_id = @id", new { id = _rig.Telegram.CouncilId }));

        await page.GetByRole(AriaRole.Button, new() { Name = DeskTexts.ButtonImport }).ClickAsync();

        Assert.EndsWith("/c/desnogorsk", page.Url, StringComparison.Ordinal);
        Assert.Equal(DeskTexts.Imported(2020, 16, 0, 0, null), await page.Locator("p.notice").InnerTextAsync());
        Assert.Equal(16, await page.Locator("table.plan tbody tr").CountAsync());
    }
}
