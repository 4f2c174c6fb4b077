using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Storage;
using NokoBot.Tests.Support;
using NokoBot.Tests.Telegram;

namespace NokoBot.Tests.Web;

/// <summary>
/// <c>nokobot run</c> with its pages on a free loopback port, the fake Bot API, and the Desnogorsk council with a
/// secretary (Telegram user <see cref="Secretary"/>) and a member of «Комитет по образованию» (<see cref="Member"/>);
/// a second council, Zeya, whose pages nobody here may see.
/// </summary>
public sealed partial class WebRig : IAsyncDisposable
{
    public const long Secretary = 900;
    public const long Member = 901;
    public const string SecretaryName = "Светлана";
    public const string MemberName = "Мария";

    private WebRig(TelegramRig telegram) => Telegram = telegram;

    public TelegramRig Telegram { get; }

    public long ZeyaId { get; private set; }

    /// <summary>Where the pages answer, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl =>
        Telegram.Host!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public static async Task<WebRig> StartAsync(CancellationToken ct)
    {
        var rig = new WebRig(await TelegramRig.StartAsync(ct));
        rig.ZeyaId = await TestCouncil.AddAsync(rig.Telegram.Db.Database, rig.Telegram.Time, "zeya", "Asia/Yakutsk", 2020, new PlanImport(
        [
            new PlanItem("1", null, "Заседание совета в Зее", ["Общественный совет"], "май", new WindowDeadline("май", new(2020, 5, 1), new(2020, 5, 31)), "протокол"),
        ], []), ct);
        await rig.LinkAsync(Secretary, SecretaryName, null, MemberRole.Secretary);
        await rig.LinkAsync(Member, MemberName, "Комитет по образованию", MemberRole.Member);
        return rig;
    }

    private async Task LinkAsync(long userId, string name, string? party, MemberRole role)
    {
        var code = await Telegram.InviteAsync(party, role);
        Telegram.Api.PushText(userId, $"/start {code}", name);
        await Telegram.WaitForTextAsync(userId, t => t.Contains("Здравствуйте", StringComparison.Ordinal));
    }

    /// <summary>The person asks <c>/web</c> in chat; the link the fake Bot API captured.</summary>
    public async Task<string> AskSignInLinkAsync(long userId)
    {
        var before = Telegram.Api.TextsTo(userId).Count(t => t.Contains("/signin/", StringComparison.Ordinal));
        Telegram.Api.PushText(userId, "/web");
        var text = await Telegram.WaitForTextAsync(userId, t => t.Contains("/signin/", StringComparison.Ordinal), skip: before);
        return SignInUrl().Match(text).Value;
    }

    /// <summary>The person asks <c>/calendar</c> in chat; their own feed's URL.</summary>
    public async Task<string> AskFeedAsync(long userId)
    {
        var before = Telegram.Api.TextsTo(userId).Count(t => t.Contains("/feeds/", StringComparison.Ordinal));
        Telegram.Api.PushText(userId, "/calendar");
        var text = await Telegram.WaitForTextAsync(userId, t => t.Contains("/feeds/", StringComparison.Ordinal), skip: before);
        return FeedUrl().Match(text).Value;
    }

    /// <summary>A browser-less visitor: cookies kept, redirects not followed (tests read the 303s).</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Signs a browser-less visitor in through a fresh <c>/web</c> link: GET the page, POST its form.</summary>
    public async Task<HttpClient> SignedInClientAsync(long userId, CancellationToken ct)
    {
        var client = NewClient();
        var link = new Uri(await AskSignInLinkAsync(userId));
        var page = await client.GetStringAsync(link.PathAndQuery, ct);
        var signIn = await client.PostAsync(link.PathAndQuery, Form(page), ct);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return client;
    }

    /// <summary>The anti-forgery field of a page, with the given fields: what the page's form would post.</summary>
    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the page has an anti-forgery field");
        return new FormUrlEncodedContent([new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
    }

    public ValueTask DisposeAsync() => Telegram.DisposeAsync();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/signin/[A-Za-z0-9_-]{22}")]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/feeds/[A-Za-z0-9_-]{22}\.ics")]
    private static partial Regex FeedUrl();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>_af)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}
