using Dapper;
using Microsoft.Playwright;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Tests.Support;
using NokoBot.Tests.Telegram;
using NokoBot.Texts;

namespace NokoBot.Tests.Web;

/// <summary>
/// The council pages in a real browser (Debian's chromium, JavaScript off) against <c>nokobot run</c> and the fake
/// Bot API: signing in from the chat, the year, the timeline, acting, the public page.
/// </summary>
public sealed class WebBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WebRig.StartAsync(_ct);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    private async Task<IPage> SignInAsync(long userId)
    {
        var link = await _rig.AskSignInLinkAsync(userId);
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.SignInButton }).ClickAsync();
        Assert.EndsWith("/c/desnogorsk", page.Url, StringComparison.Ordinal);
        return page;
    }

    [Fact]
    public async Task The_secretary_signs_in_from_the_chat_sees_the_year_and_the_timeline_and_sets_a_date_the_reminders_follow()
    {
        var page = await SignInAsync(WebRig.Secretary);

        var rows = page.Locator("table.plan tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Contains(WebPlanTexts.Status(ItemStatusName.WaitingForDate), await page.Locator("#item-8").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Проведение торгов", await page.Locator("#item-5").InnerTextAsync(), StringComparison.Ordinal);

        await page.SelectOptionAsync("select[name=status]", WebPlanTexts.StatusKey(ItemStatusName.WaitingForDate));
        await page.GetByRole(AriaRole.Button, new() { Name = WebPlanTexts.FilterApply }).ClickAsync();
        Assert.Equal(["item-8"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.id)"));
        await page.SelectOptionAsync("select[name=status]", "");
        await page.SelectOptionAsync("select[name=party]", "Комитет по образованию");
        await page.GetByRole(AriaRole.Button, new() { Name = WebPlanTexts.FilterApply }).ClickAsync();
        Assert.Equal(["item-4", "item-5"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.id)"));
        await page.GetByRole(AriaRole.Link, new() { Name = WebPlanTexts.FilterReset, Exact = true }).ClickAsync();
        Assert.Equal(3, await rows.CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.NavTimeline, Exact = true }).ClickAsync();
        var timeline = page.Locator("div.timeline svg");
        var titles = await timeline.Locator("g.item > title").AllTextContentsAsync();
        Assert.Equal(3, titles.Count);
        Assert.Contains(titles, t => t.Contains("Проведение торгов", StringComparison.Ordinal));
        Assert.Equal(1, await timeline.Locator("line.today").CountAsync());

        await page.GotoAsync(_rig.BaseUrl + "/c/desnogorsk/items/8");
        var setDue = page.Locator("form[action$='/items/8/due']");
        await setDue.Locator("input[name=date]").FillAsync("2020-07-15");
        await setDue.GetByRole(AriaRole.Button, new() { Name = WebPlanTexts.SetDueButton }).ClickAsync();

        Assert.Contains("15.07.2020", await page.Locator("p.notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2020-07-15", await ScalarAsync<string>("SELECT due_override FROM plan_items WHERE number = '8' AND plan_id IN (SELECT id FROM plans WHERE council_id = @id)", new { id = _rig.Telegram.CouncilId }));
        var snapshot = (await _rig.Telegram.Service<CouncilSnapshotStore>().LoadAsync(_rig.Telegram.CouncilId, _ct))!;
        var item8 = snapshot.Plan!.Items.Single(i => i.Number == "8");
        Assert.Contains(DeliveryPlanner.Reminders(snapshot, new DateOnly(2020, 12, 31)), r => r.ItemId == item8.Id && r.Occurrence == new DateOnly(2020, 7, 15));
        Assert.Contains(WebPlanTexts.Status(ItemStatusName.Open), await page.Locator(".badge").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_or_expired_link_and_another_councils_pages_are_refused_alike()
    {
        var link = await _rig.AskSignInLinkAsync(WebRig.Secretary);
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.SignInButton }).ClickAsync();

        var again = await (await browser.NewContextAsync()).NewPageAsync();
        Assert.Equal(404, (await again.GotoAsync(link))!.Status);
        Assert.Contains(WebTexts.LinkInvalidTitle, await again.ContentAsync(), StringComparison.Ordinal);

        // A link made eleven minutes ago has had its ten.
        var old = new WebSessionStore(_rig.Telegram.Db.Database, new ShiftedClock(TelegramRig.Start.AddMinutes(-11)));
        var expired = await old.CreateLinkAsync(_rig.Telegram.CouncilId, null, MemberRole.Secretary, TimeSpan.FromMinutes(10), _ct);
        Assert.Equal(404, (await again.GotoAsync(_rig.BaseUrl + "/signin/" + expired))!.Status);
        Assert.Contains(WebTexts.LinkInvalidTitle, await again.ContentAsync(), StringComparison.Ordinal);

        var zeya = await page.GotoAsync(_rig.BaseUrl + "/c/zeya");
        Assert.Equal(404, zeya!.Status);
        var refused = await page.ContentAsync();
        var nowhere = await page.GotoAsync(_rig.BaseUrl + "/c/no-such-council");
        Assert.Equal(404, nowhere!.Status);
        Assert.Equal(refused, await page.ContentAsync());
        Assert.Equal(404, (await page.GotoAsync(_rig.BaseUrl + "/c/zeya/items/1"))!.Status);
    }

    [Fact]
    public async Task The_public_page_is_off_until_the_secretary_switches_it_on_and_names_nobody()
    {
        _rig.Telegram.Api.PushText(WebRig.Member, "/done 5 оператор выбран", WebRig.MemberName);
        await _rig.Telegram.WaitForTextAsync(WebRig.Member, t => t.Contains("п. 5", StringComparison.Ordinal) || t.Contains("пункт 5", StringComparison.OrdinalIgnoreCase));
        var anonymous = await (await browser.NewContextAsync()).NewPageAsync();
        Assert.Equal(404, (await anonymous.GotoAsync(_rig.BaseUrl + "/p/desnogorsk"))!.Status);

        var secretary = await SignInAsync(WebRig.Secretary);
        await secretary.GetByRole(AriaRole.Link, new() { Name = WebTexts.NavSettings, Exact = true }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = WebTexts.PublicPageOn }).ClickAsync();
        Assert.Equal(WebTexts.PublicPageState(true), await secretary.Locator("#public-page-state").InnerTextAsync());

        var shown = await anonymous.GotoAsync(_rig.BaseUrl + "/p/desnogorsk");
        Assert.Equal(200, shown!.Status);
        var html = await anonymous.ContentAsync();
        Assert.Contains("Проведение торгов", html, StringComparison.Ordinal);
        Assert.Contains(WebPlanTexts.Status(ItemStatusName.Done), await anonymous.Locator("table.plan tbody tr", new() { HasText = "Проведение торгов" }).InnerTextAsync(), StringComparison.Ordinal);
        foreach (var name in new[] { WebRig.SecretaryName, WebRig.MemberName, "Комитет по образованию", "оператор выбран", "/files/" })
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desnogorsk_seed_plan_is_shown_whole_and_fits_a_phones_screen()
    {
        var plan = NokoBot.Plans.PlanFileReader.Read(RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), 2020).Import;
        var council = (await new CouncilStore(_rig.Telegram.Db.Database, _rig.Telegram.Time).AddAsync("seed", "Общественный совет г. Десногорск", "Europe/Moscow", _ct))!.Id;
        await new PlanStore(_rig.Telegram.Db.Database, _rig.Telegram.Time).ImportAsync(council, 2020, "desnogorsk-2020.txt", "sha", plan, _ct);
        var link = await _rig.Telegram.Service<NokoBot.Web.WebLinks>().SignInAsync(council, null, MemberRole.Secretary, _ct);
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.SignInButton }).ClickAsync();

        Assert.Equal(plan.Items.Count, await page.Locator("table.plan tbody tr").CountAsync());
        Assert.True(await page.Locator("span.badge.overdue").CountAsync() > 0, "items whose period ended before 23 June are overdue");
        await Screenshots.TakeAsync(page, "web-year.png");
        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.NavTimeline, Exact = true }).ClickAsync();
        Assert.Equal(plan.Items.Count, await page.Locator("div.timeline svg g.item").CountAsync());
        await Screenshots.TakeAsync(page, "web-timeline.png");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(_rig.BaseUrl + "/c/seed");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on a phone");
    }

    [Fact]
    public async Task A_member_makes_a_calendar_link_on_the_calendar_page_and_switches_it_off()
    {
        var page = await SignInAsync(WebRig.Member);
        await page.GetByRole(AriaRole.Link, new() { Name = WebTexts.NavCalendar, Exact = true }).ClickAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Heading, new() { Name = WebTexts.CalendarCouncil }).CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.CalendarCreate }).ClickAsync();
        var url = await page.Locator("code.link").InnerTextAsync();
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/feeds/[A-Za-z0-9_-]{22}\.ics$", url);
        using var feeds = _rig.NewClient();
        Assert.Contains("BEGIN:VCALENDAR", await feeds.GetStringAsync(new Uri(url).PathAndQuery, _ct), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = WebTexts.CalendarRevoke }).ClickAsync();
        Assert.Contains(WebTexts.CalendarOff, await page.Locator("p.notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await feeds.GetAsync(new Uri(url).PathAndQuery, _ct)).StatusCode);
    }

    private async Task<T> ScalarAsync<T>(string sql, object args)
    {
        await using var connection = await _rig.Telegram.Db.Database.OpenAsync(_ct);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }
}
