using System.Net;
using System.Xml.Linq;
using NokoBot.Domain.Councils;
using NokoBot.Web;

namespace NokoBot.Tests.Web;

/// <summary>The timeline as the server draws it: each item's shapes coloured by where it stands, named by its title.</summary>
public sealed class TimelineTests : IAsyncLifetime
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WebRig.StartAsync(_ct);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    private async Task<XElement> TimelineAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/c/zeya/timeline", _ct);
        var start = page.IndexOf("<svg", StringComparison.Ordinal);
        return XElement.Parse(page[start..(page.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)]);
    }

    private static string MarkOf(XElement svg, string title) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Element(Svg + "title") is { } t && t.Contains(title, StringComparison.Ordinal))
            .Elements(Svg + "rect").Single(r => ((string)r.Attribute("class")!).StartsWith("mark", StringComparison.Ordinal)).Attribute("class")!.Value;

    [Fact]
    public async Task An_overdue_item_is_drawn_red_and_green_once_the_administrator_closes_it_and_meetings_are_diamonds()
    {
        // The administrator's link (nokobot web link) for Zeya, whose May item is overdue on 23 June.
        var link = new Uri(await _rig.Telegram.Service<WebLinks>().SignInAsync(_rig.ZeyaId, null, MemberRole.Secretary, _ct)).PathAndQuery;
        using var admin = _rig.NewClient();
        using var signedIn = await admin.PostAsync(link, WebRig.Form(await admin.GetStringAsync(link, _ct)), _ct);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);

        var before = await TimelineAsync(admin);
        Assert.Equal("mark overdue", MarkOf(before, "Заседание совета в Зее"));
        Assert.Contains(before.Descendants(Svg + "title"), t => t.Value.Contains("просрочено", StringComparison.Ordinal));
        Assert.Single(before.Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "today");

        using var closed = await admin.PostAsync("/c/zeya/items/1/done", WebRig.Form(await admin.GetStringAsync("/c/zeya/items/1", _ct), ("party", ""), ("comment", "проведено")), _ct);
        Assert.Equal(HttpStatusCode.SeeOther, closed.StatusCode);
        Assert.Equal("mark done", MarkOf(await TimelineAsync(admin), "Заседание совета в Зее"));

        using var desnogorsk = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);
        _rig.Telegram.Api.PushText(WebRig.Secretary, "/meeting 25.06.2020 15:00 Зал заседаний");
        await _rig.Telegram.WaitForTextAsync(WebRig.Secretary, t => t.Contains("Заседание назначено", StringComparison.Ordinal));
        var page = await desnogorsk.GetStringAsync("/c/desnogorsk/timeline", _ct);
        Assert.Contains("class=\"meeting\"", page, StringComparison.Ordinal);
        Assert.Contains("Зал заседаний", page, StringComparison.Ordinal);
    }
}
