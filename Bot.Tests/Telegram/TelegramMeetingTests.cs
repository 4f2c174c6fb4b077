using NokoBot.Delivery;
using NokoBot.Texts;
using NokoBot.Storage;
using NokoBot.Telegram;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

public sealed class TelegramMeetingTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agenda_goes_out_three_days_before_an_update_after_a_move_and_a_cancellation_each_once()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        var meetings = rig.Service<MeetingStore>();
        // The rig's clock stands at 23.06.2020 11:00 Moscow time: the agenda of a meeting on the 26th is due.
        var id = await meetings.AddAsync(rig.CouncilId, new DateTime(2020, 6, 26, 15, 0, 0), "Зал заседаний <администрации>", _ct);
        await meetings.EditAgendaAsync(id, [], [], ["Разное"], _ct);

        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        var agenda = await rig.WaitForTextAsync(501, t => t.StartsWith("📅", StringComparison.Ordinal));
        await meetings.MoveAsync(id, new DateTime(2020, 6, 29, 10, 0, 0), null, _ct);
        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        var moved = await rig.WaitForTextAsync(501, t => t.Contains("перенесено", StringComparison.Ordinal));
        await meetings.CancelAsync(id, _ct);
        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        var cancelled = await rig.WaitForTextAsync(501, t => t.StartsWith('❌'));
        // One more plan asked for after everything went out: once it has passed the meetings, a repeat would have been written.
        var asked = rig.Time.GetUtcNow();
        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        var schedules = rig.Service<CouncilScheduleStore>();
        await Eventually.TrueAsync(() => schedules.SweptUntilAsync(rig.CouncilId, DateTimeOffset.MinValue, _ct).GetAwaiter().GetResult() >= asked,
            "a plan of the council that started after the last request");

        Assert.Contains("26.06.2020 в 15:00", agenda, StringComparison.Ordinal);
        Assert.Contains("&lt;администрации&gt;", agenda, StringComparison.Ordinal);
        Assert.Contains("п. 5 «Проведение торгов»", agenda, StringComparison.Ordinal);
        Assert.Contains("Разное", agenda, StringComparison.Ordinal);
        Assert.Contains("29.06.2020 в 10:00", moved, StringComparison.Ordinal);
        Assert.Contains("отменено", cancelled, StringComparison.Ordinal);
        Assert.Equal(3, rig.Api.TextsTo(501).Count(t => t.StartsWith("📅", StringComparison.Ordinal) || t.StartsWith('❌')));
    }

    [Fact]
    public async Task The_secretary_schedules_a_meeting_in_chat_and_members_get_the_agenda()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        await rig.LinkAsync(700, null, NokoBot.Domain.Councils.MemberRole.Secretary);

        rig.Api.PushText(700, "/meeting 26.06 15:00 Зал заседаний");
        var answer = await rig.WaitForTextAsync(700, t => t.StartsWith("📅 Заседание назначено", StringComparison.Ordinal));
        var agenda = await rig.WaitForTextAsync(501, t => t.StartsWith("📅 Заседание совета", StringComparison.Ordinal));

        Assert.Contains("26.06.2020 в 15:00", answer, StringComparison.Ordinal);
        Assert.Contains("Зал заседаний", agenda, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM meetings WHERE starts_local = '2020-06-26T15:00'"));
    }

    [Fact]
    public async Task A_protocol_sent_in_reply_to_the_agenda_closes_the_meetings_protocol_items_and_a_member_cannot_attach_one()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(502, "Общественный совет");
        await rig.LinkAsync(700, null, NokoBot.Domain.Councils.MemberRole.Secretary);
        await rig.Service<MeetingStore>().AddAsync(rig.CouncilId, new DateTime(2020, 6, 26, 15, 0, 0), "Зал заседаний", _ct);
        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        await rig.WaitForTextAsync(700, t => t.StartsWith("📅", StringComparison.Ordinal));
        await rig.WaitForTextAsync(502, t => t.StartsWith("📅", StringComparison.Ordinal));
        var agendaTo = async (long user) => (int)await rig.CountAsync(
            "SELECT external_id FROM deliveries d JOIN members m ON m.id = d.member_id WHERE m.telegram_user_id = @user AND d.channel = 'telegram' AND d.kind = 'agenda'", new { user });

        rig.Api.PushDocument(502, "протокол.pdf", [.. "%PDF чужой"u8], null, replyToMessageId: await agendaTo(502));
        var refused = await rig.WaitForTextAsync(502, t => t.Contains("только секретарю", StringComparison.Ordinal));
        rig.Api.PushDocument(700, "Протокол №5.pdf", [.. "%PDF протокол"u8], null, replyToMessageId: await agendaTo(700));
        var stored = await rig.WaitForTextAsync(700, t => t.StartsWith("📎", StringComparison.Ordinal));

        var news = await rig.WaitForTextAsync(502, t => t.StartsWith("📎 Приложен протокол", StringComparison.Ordinal));

        Assert.Contains("Закрыты ваши пункты: 8 «Обсуждение результатов НОКО»", news, StringComparison.Ordinal);
        Assert.Contains("заседания 26.06.2020 сохранён", stored, StringComparison.Ordinal);
        Assert.Contains("Закрыты пункты: 8.", stored, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM meetings WHERE protocol_name = 'Протокол №5.pdf'"));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies r JOIN plan_items i ON i.id = r.item_id WHERE i.number = '8' AND r.kind = 'protocol'"));
    }

    [Fact]
    public async Task A_group_linked_by_the_secretary_gets_the_agenda_and_nothing_else_is_said_in_groups()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");
        await rig.LinkAsync(700, null, NokoBot.Domain.Councils.MemberRole.Secretary);

        rig.Api.PushGroupText(-100777, 501, "/linkgroup");
        rig.Api.PushGroupText(-100777, 501, "/my");
        rig.Api.PushGroupText(-100500, 700, "/linkgroup");
        var linked = await rig.WaitForTextAsync(-100500, t => t.StartsWith("Группа подключена", StringComparison.Ordinal));
        await rig.Service<MeetingStore>().AddAsync(rig.CouncilId, new DateTime(2020, 6, 26, 15, 0, 0), "Зал заседаний", _ct);
        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        var agenda = await rig.WaitForTextAsync(-100500, t => t.StartsWith("📅", StringComparison.Ordinal));

        Assert.Contains("26.06.2020 в 15:00", agenda, StringComparison.Ordinal);
        Assert.Equal([ChatTexts.AdminOnly], rig.Api.TextsTo(-100777));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM deliveries WHERE recipient = 'chat:-100500' AND member_id IS NULL"));
    }

    [Fact]
    public async Task Agendas_to_a_linked_group_keep_to_twenty_messages_a_minute()
    {
        // Minutes of traffic at ten times real speed; the fake Bot API judges the limits on the same clock.
        var clock = new ScaledClock(TelegramRig.Start, speed: 10);
        await using var rig = await TelegramRig.StartAsync(_ct, clock);
        rig.Api.LimitSlack = TimeSpan.FromMilliseconds(500); // 50 ms of real scheduling jitter at 10x
        rig.Api.EnforceLimits = true;
        const long group = -100500;
        const int meetings = 25;
        await rig.LinkAsync(700, null, NokoBot.Domain.Councils.MemberRole.Secretary);
        rig.Api.PushGroupText(group, 700, "/linkgroup");
        await rig.WaitForTextAsync(group, t => t.StartsWith("Группа подключена", StringComparison.Ordinal));
        var store = rig.Service<MeetingStore>();
        for (var i = 0; i < meetings; i++)
            await store.AddAsync(rig.CouncilId, new DateTime(2020, 6, 26, 9, 0, 0).AddMinutes(20 * i), $"Зал {i + 1}", _ct);

        await rig.Service<IPlanChanges>().ChangedAsync(rig.CouncilId, _ct);
        await Eventually.TrueAsync(() => AgendasTo(group).Count == meetings, "every agenda in the group", TimeSpan.FromSeconds(40));

        var sent = AgendasTo(group);
        Assert.Equal((0, 0), (rig.Api.GroupViolations, rig.Api.LimitViolations));
        // Paced, not refused: the 21st agenda went out a minute after the first (the secretary's own came 1 s apart).
        Assert.True(sent[20] - sent[0] >= TimeSpan.FromMinutes(1) - rig.Api.LimitSlack, $"21 agendas in {(sent[20] - sent[0]).TotalSeconds:0.0} s");
        Assert.Equal(meetings, AgendasTo(700).Count);
        Assert.Equal(meetings, await rig.CountAsync("SELECT count(*) FROM deliveries WHERE recipient = 'chat:-100500' AND status = 'sent'"));

        List<DateTimeOffset> AgendasTo(long chat) => [.. rig.Api.CallsTo("sendMessage")
            .Where(c => c.Body["chat_id"]!.GetValue<long>() == chat && c.Body["text"]!.GetValue<string>().StartsWith("📅", StringComparison.Ordinal))
            .Select(c => c.At)];
    }
}
