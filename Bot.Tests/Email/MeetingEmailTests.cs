using NokoBot.Delivery;
using Ical.Net;
using Ical.Net.CalendarComponents;
using MimeKit;
using NokoBot.Domain.Meetings;
using NokoBot.Email;
using NokoBot.Tests.Fakes;

namespace NokoBot.Tests.Email;

public sealed class MeetingEmailTests
{
    private static Meeting Meeting(int sequence = 0, bool cancelled = false) => new(
        17, 1, new DateTime(2020, 12, 15, 10, 0, 0), TimeSpan.FromHours(2), "Администрация, каб. 12 <зал>",
        [new AgendaLine("Обсуждение результатов НОКО", "8"), new AgendaLine("Разное")], sequence, cancelled);

    [Theory]
    [InlineData("Europe/Moscow", 7)]
    [InlineData("Asia/Yakutsk", 1)]
    public void The_ics_parses_back_with_the_right_start_in_utc(string zone, int utcHour)
    {
        var ics = MeetingCalendar.Build(Meeting(), "Совет", zone, "noko@example.org", "НОКО-бот", ["a@example.org"],
            new DateTimeOffset(2020, 12, 1, 0, 0, 0, TimeSpan.Zero));

        var calendar = Calendar.Load(ics)!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Contains($"BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.Contains($"TZID:{zone}", ics, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2020, 12, 15, utcHour, 0, 0, DateTimeKind.Utc), ev!.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2020, 12, 15, utcHour + 2, 0, 0, DateTimeKind.Utc), ev.DtEnd!.AsUtc);
        Assert.Equal("meeting-1-17@example.org", ev.Uid);
        Assert.Equal("Администрация, каб. 12 <зал>", ev.Location);
        Assert.Equal("mailto:a@example.org", ev.Attendees.Single().Value!.ToString());
    }

    [Fact]
    public void An_update_keeps_the_uid_and_raises_the_sequence_and_a_cancellation_says_cancel()
    {
        var stamp = new DateTimeOffset(2020, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var first = Calendar.Load(MeetingCalendar.Build(Meeting(), "Совет", "Europe/Moscow", "noko@example.org", "Бот", [], stamp))!;
        var update = Calendar.Load(MeetingCalendar.Build(Meeting(1), "Совет", "Europe/Moscow", "noko@example.org", "Бот", [], stamp))!;
        var cancel = Calendar.Load(MeetingCalendar.Build(Meeting(2, cancelled: true), "Совет", "Europe/Moscow", "noko@example.org", "Бот", [], stamp))!;

        Assert.Equal(first.Events.Single().Uid, update.Events.Single().Uid);
        Assert.Equal(first.Events.Single().Uid, cancel.Events.Single().Uid);
        Assert.Equal([0, 1, 2], new[] { first, update, cancel }.Select(c => c.Events.Single().Sequence));
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("CANCELLED", cancel.Events.Single().Status);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_agenda_arrives_with_an_invitation_in_the_councils_zone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SmtpServerFixture.StartAsync(ct);
        using var rig = await EmailRig.CreateAsync(server.Port, ct, "Asia/Yakutsk");

        var outcomes = new List<SendOutcome>();
        foreach (var address in new[] { "a@example.org", "b@example.org" })
            outcomes.Add(await rig.Channel.SendAsync(new MeetingMessage("meeting:17@0|agenda|mail:" + address + "|email|0", "Общественный совет города Зеи", "Asia/Yakutsk",
                new Recipient("mail:" + address, null, address, null, address), MeetingNoticeKind.Agenda, Meeting(), []), ct));

        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Sent>(o));
        var message = server.Received().Single(r => r.RcptTo.Single() == "a@example.org").Message;
        Assert.Equal("Заседание 15.12.2020 в 10:00 — Общественный совет города Зеи", message.Subject);
        Assert.Contains("1. Обсуждение результатов НОКО (п. 8 плана)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("каб. 12 &lt;зал&gt;", message.HtmlBody, StringComparison.Ordinal);
        var invite = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("text/calendar", invite.ContentType.MimeType);
        Assert.Equal("REQUEST", invite.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await invite.Content!.DecodeToAsync(content, ct);
        var ev = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events.Single()!;
        Assert.Equal(new DateTime(2020, 12, 15, 1, 0, 0, DateTimeKind.Utc), ev!.DtStart!.AsUtc);
        Assert.Equal("mailto:a@example.org", ev.Attendees.Single().Value!.ToString());
    }
}
