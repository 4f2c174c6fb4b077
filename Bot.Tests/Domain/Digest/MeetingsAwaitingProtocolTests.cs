using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Digest;
using NokoBot.Domain.Meetings;

namespace NokoBot.Tests.Domain.Digest;

public sealed class MeetingsAwaitingProtocolTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private static Meeting Held(int month, int day, bool cancelled = false) =>
        new(1, 1, new DateTime(2020, month, day, 15, 0, 0), TimeSpan.FromHours(2), "Зал заседаний", [], 0, cancelled);

    [Fact]
    public void A_meeting_held_a_week_ago_without_a_protocol_is_reported_even_in_an_otherwise_quiet_week()
    {
        var digest = DigestBuilder.Build("Совет", [], 2020, [], [], Moscow, new DateOnly(2020, 6, 22), ProductionCalendar.WeekendsOnly, null, [Held(6, 15)]);

        Assert.NotNull(digest);
        Assert.Equal(new DateTime(2020, 6, 15, 15, 0, 0), Assert.Single(digest.MeetingsAwaitingProtocol!).LocalStart);
    }

    [Fact]
    public void A_recent_or_cancelled_meeting_is_not_chased_for_its_protocol()
    {
        var digest = DigestBuilder.Build("Совет", [], 2020, [], [], Moscow, new DateOnly(2020, 6, 22), ProductionCalendar.WeekendsOnly, null, [Held(6, 18), Held(6, 1, cancelled: true)]);

        Assert.Null(digest);
    }
}
