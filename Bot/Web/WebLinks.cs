using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NokoBot.Domain.Councils;
using NokoBot.Storage;

namespace NokoBot.Web;

/// <summary>
/// The links the bot and the CLI hand out: single-use sign-in links (<c>/web</c>, <c>nokobot web link</c>) and the
/// calendar feeds' secret URLs (<c>/calendar</c>), built on <c>Web:PublicBaseUrl</c>.
/// </summary>
/// <param name="servers">The service's web server (none in the CLI): with port 0 in <c>Web:Urls</c>, it knows the port.</param>
public sealed class WebLinks(WebSessionStore sessions, CalendarFeedStore feeds, IOptions<WebOptions> options, IEnumerable<IServer> servers)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary><c>Web:PublicBaseUrl</c>; else where the pages listen (the bound address when the port was left to the system).</summary>
    public string BaseUrl =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) && options.Value.BaseUrl.EndsWith(":0", StringComparison.Ordinal)
        && servers.FirstOrDefault()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } bound
            ? bound.TrimEnd('/')
            : options.Value.BaseUrl;

    public static int SignInMinutes => (int)WebOptions.SignInLinkLifetime.TotalMinutes;

    /// <param name="memberId">null: the administrator's link, acting in <paramref name="role"/>.</param>
    public async Task<string> SignInAsync(long councilId, long? memberId, MemberRole role, CancellationToken ct) =>
        BaseUrl + CouncilPaths.SignIn(await sessions.CreateLinkAsync(councilId, memberId, role, WebOptions.SignInLinkLifetime, ct));

    /// <summary>Ends every web session of the member (<c>/web logout</c>).</summary>
    public Task<int> SignOutEverywhereAsync(long memberId, CancellationToken ct) => sessions.RevokeMemberAsync(memberId, ct);

    /// <param name="memberId">null: the council's feed.</param>
    /// <param name="renew">Revoke the current URL and make a new one.</param>
    public async Task<string> FeedAsync(long councilId, long? memberId, bool renew, CancellationToken ct) =>
        FeedUrl(renew ? await feeds.RenewAsync(councilId, memberId, ct) : await feeds.GetOrCreateAsync(councilId, memberId, ct));

    public Task RevokeFeedAsync(long councilId, long? memberId, CancellationToken ct) => feeds.RevokeAsync(councilId, memberId, ct);

    public string FeedUrl(string token) => BaseUrl + CouncilPaths.Feed(token);

    public string PublicPage(string slug) => BaseUrl + CouncilPaths.Public(slug);
}
