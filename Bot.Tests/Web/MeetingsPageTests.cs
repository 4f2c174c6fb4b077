using System.Net;
using System.Text;

namespace NokoBot.Tests.Web;

/// <summary>Meetings with their agendas, and protocols to download — for the council's own people only.</summary>
public sealed class MeetingsPageTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WebRig.StartAsync(_ct);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    [Fact]
    public async Task The_meetings_page_shows_the_agenda_and_a_protocol_sent_in_the_chat_downloads_as_it_was()
    {
        _rig.Telegram.Api.PushText(WebRig.Secretary, "/meeting 29.06.2020 15:00 Зал заседаний");
        await _rig.Telegram.WaitForTextAsync(WebRig.Secretary, t => t.Contains("Заседание назначено", StringComparison.Ordinal));
        var protocol = Encoding.UTF8.GetBytes("Протокол заседания № 4");
        var before = _rig.Telegram.Api.TextsTo(WebRig.Member).Count;
        _rig.Telegram.Api.PushDocument(WebRig.Member, "протокол-4.txt", protocol, "/protocol 4");
        await Support.Eventually.TrueAsync(() => _rig.Telegram.Api.TextsTo(WebRig.Member).Count > before, "the answer to the protocol");
        Assert.Equal(1, await _rig.Telegram.CountAsync("SELECT COUNT(*) FROM replies WHERE kind = 'protocol'"));

        using var member = await _rig.SignedInClientAsync(WebRig.Member, _ct);
        var meetings = WebUtility.HtmlDecode(await member.GetStringAsync("/c/desnogorsk/meetings", _ct));
        Assert.Contains("Зал заседаний", meetings, StringComparison.Ordinal);
        Assert.Contains("/c/desnogorsk/items/4", meetings, StringComparison.Ordinal);

        var item = await member.GetStringAsync("/c/desnogorsk/items/4", _ct);
        var link = System.Text.RegularExpressions.Regex.Match(item, "/c/desnogorsk/files/[0-9a-f]{64}").Value;
        using var download = await member.GetAsync(link, _ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(protocol, await download.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal("протокол-4.txt", download.Content.Headers.ContentDisposition!.FileNameStar);

        // Nobody without a session, and nobody of another council, gets the file.
        Assert.Equal(HttpStatusCode.NotFound, (await _rig.NewClient().GetAsync(link, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(link.Replace("desnogorsk", "zeya", StringComparison.Ordinal), _ct)).StatusCode);
    }
}
