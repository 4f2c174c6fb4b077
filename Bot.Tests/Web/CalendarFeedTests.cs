using System.Net;
using Ical.Net.CalendarComponents;

namespace NokoBot.Tests.Web;

/// <summary>
/// The calendar feeds, read back with Ical.Net the way a calendar application would: the person's open items on
/// their current dates, meetings in the council's zone, the same UIDs, SEQUENCE raised when a date moves.
/// </summary>
public sealed class CalendarFeedTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WebRig.StartAsync(_ct);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    private async Task<Ical.Net.Calendar> FetchAsync(string url)
    {
        using var response = await _rig.NewClient().GetAsync(new Uri(url).PathAndQuery, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(_ct))!;
    }

    private static CalendarEvent Item(Ical.Net.Calendar calendar, string number) =>
        calendar.Events.Single(e => e.Summary!.StartsWith("п. " + number + " ", StringComparison.Ordinal));

    private async Task SayAsync(long userId, string command, string answer)
    {
        var before = _rig.Telegram.Api.TextsTo(userId).Count(t => t.Contains(answer, StringComparison.Ordinal));
        _rig.Telegram.Api.PushText(userId, command);
        await _rig.Telegram.WaitForTextAsync(userId, t => t.Contains(answer, StringComparison.Ordinal), skip: before);
    }

    [Fact]
    public async Task A_members_feed_follows_a_postponement_with_the_same_uid_and_a_higher_sequence_and_drops_a_done_item()
    {
        var url = await _rig.AskFeedAsync(WebRig.Member);

        var first = await FetchAsync(url);
        Assert.Equal(["4", "5"], first.Events.Select(e => e.Summary!.Split(' ')[1]).Order());
        var june = Item(first, "4");
        Assert.Equal((new DateOnly(2020, 6, 1), new DateOnly(2020, 7, 1)), (june.DtStart!.Date, june.DtEnd!.Date));
        Assert.False(june.DtStart.HasTime);
        Assert.Equal(0, june.Sequence);

        await SayAsync(WebRig.Member, "/postpone 4 10.07 ждём оператора", "перенесён на 10.07.2020");
        await SayAsync(WebRig.Member, "/done 5", "п. 5");

        var second = await FetchAsync(url);
        var moved = Assert.Single(second.Events);
        Assert.Equal(june.Uid, moved.Uid);
        Assert.Equal(new DateOnly(2020, 7, 10), moved.DtStart!.Date);
        Assert.Equal(1, moved.Sequence);
        // Read again with nothing changed: the same SEQUENCE, or calendars would churn.
        Assert.Equal(1, Item(await FetchAsync(url), "4").Sequence);
    }

    [Fact]
    public async Task The_secretarys_feeds_hold_the_whole_plan_and_meetings_in_the_councils_zone_and_a_renewed_link_revokes_the_old()
    {
        await SayAsync(WebRig.Secretary, "/meeting 25.06.2020 15:00 Зал заседаний", "Заседание назначено");
        _rig.Telegram.Api.PushText(WebRig.Secretary, "/calendar");
        var text = await _rig.Telegram.WaitForTextAsync(WebRig.Secretary, t => t.Contains("/feeds/", StringComparison.Ordinal));
        var urls = System.Text.RegularExpressions.Regex.Matches(text, @"http://\S+\.ics").Select(m => m.Value).ToList();
        Assert.Equal(2, urls.Count);

        var council = await FetchAsync(urls[1]);
        // Item 8 waits for a date: nothing to put in a calendar yet.
        Assert.Equal(["4", "5"], council.Events.Where(e => e.Summary!.StartsWith("п. ", StringComparison.Ordinal)).Select(e => e.Summary!.Split(' ')[1]).Order());
        var meeting = council.Events.Single(e => e.Location == "Зал заседаний");
        Assert.Equal("Europe/Moscow", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2020, 6, 25, 12, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc);
        Assert.Contains(council.TimeZones, z => z.TzId == "Europe/Moscow");

        await SayAsync(WebRig.Secretary, "/calendar new", "/feeds/");
        using var old = await _rig.NewClient().GetAsync(new Uri(urls[0]).PathAndQuery, _ct);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}
