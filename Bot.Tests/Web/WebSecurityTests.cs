using System.Net;
using System.Text.Json;
using NokoBot.Texts;

namespace NokoBot.Tests.Web;

/// <summary>The pages' defences, asked over plain HTTP: headers, anti-forgery, the sign-in rate limit, no stack traces.</summary>
public sealed class WebSecurityTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WebRig.StartAsync(_ct);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task Every_answer_forbids_scripts_framing_and_sniffing_and_a_page_holds_no_script()
    {
        using var client = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);
        foreach (var path in new[] { "/c/desnogorsk", "/c/desnogorsk/timeline", "/c/zeya", "/no/such/page", "/healthz" })
        {
            using var response = await client.GetAsync(path, _ct);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(_ct), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict_and_lasts_thirty_days()
    {
        using var client = _rig.NewClient();
        var link = new Uri(await _rig.AskSignInLinkAsync(WebRig.Member)).PathAndQuery;
        using var signIn = await client.PostAsync(link, WebRig.Form(await client.GetStringAsync(link, _ct)), _ct);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("noko_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=2592000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_is_refused_and_changes_nothing()
    {
        using var client = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);
        using var forged = await client.PostAsync("/c/desnogorsk/items/8/due", new FormUrlEncodedContent([new("date", "2020-07-15")]), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(WebTexts.FormExpiredTitle, await forged.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(0, await _rig.Telegram.CountAsync("SELECT COUNT(*) FROM plan_items WHERE due_override IS NOT NULL"));

        // Another visitor's token does not pass for this one.
        using var other = await _rig.SignedInClientAsync(WebRig.Member, _ct);
        var othersForm = WebRig.Form(await other.GetStringAsync("/c/desnogorsk/items/8", _ct), ("date", "2020-07-15"));
        using var replayed = await client.PostAsync("/c/desnogorsk/items/8/due", othersForm, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal(0, await _rig.Telegram.CountAsync("SELECT COUNT(*) FROM plan_items WHERE due_override IS NOT NULL"));
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_a_russian_page_asking_to_wait()
    {
        using var client = _rig.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.GetAsync("/signin/AAAAAAAAAAAAAAAAAAAAA" + (char)('a' + i), _ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Contains(WebTexts.TooManyTitle, await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 10), statuses.Take(10));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(10));
        Assert.Contains(_rig.Telegram.Logs.Lines, l => l.Contains("sign-in requests from 127.0.0.1 are over the limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Web_logout_in_the_chat_ends_the_session_in_every_browser()
    {
        using var first = await _rig.SignedInClientAsync(WebRig.Member, _ct);
        using var second = await _rig.SignedInClientAsync(WebRig.Member, _ct);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/c/desnogorsk", _ct)).StatusCode);

        _rig.Telegram.Api.PushText(WebRig.Member, "/web logout");
        await _rig.Telegram.WaitForTextAsync(WebRig.Member, t => t.Contains("вышли", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync("/c/desnogorsk", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync("/c/desnogorsk", _ct)).StatusCode);
        using var secretary = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync("/c/desnogorsk", _ct)).StatusCode);
    }

    [Fact]
    public async Task A_failure_inside_is_a_russian_error_page_without_a_stack_trace()
    {
        await using (var connection = await _rig.Telegram.Db.Database.OpenAsync(_ct))
            await Dapper.SqlMapper.ExecuteAsync(connection, "DROP TABLE calendar_event_versions");
        var feed = await _rig.AskFeedAsync(WebRig.Member);

        using var response = await _rig.NewClient().GetAsync(new Uri(feed).PathAndQuery, _ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains(WebTexts.ErrorTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.DoesNotContain("calendar_event_versions", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _rig.NewClient().GetAsync("/healthz", _ct)).StatusCode);
    }

    [Fact]
    public async Task The_health_check_reports_the_last_sweep_and_the_backlog()
    {
        using var response = await _rig.NewClient().GetAsync("/healthz", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.True(health.RootElement.TryGetProperty("pendingDeliveries", out var pending) && pending.ValueKind == JsonValueKind.Number);
        Assert.True(health.RootElement.TryGetProperty("sweptUntil", out _));
    }
}
