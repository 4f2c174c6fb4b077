using NokoBot.Email;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;

namespace NokoBot.Tests.Email;

public sealed class DigestEmailTests
{
    [Fact(Timeout = 20_000)]
    public async Task The_digest_sent_over_smtp_has_the_sections_of_the_plan_state()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SmtpServerFixture.StartAsync(ct);
        using var rig = await EmailRig.CreateAsync(server.Port, ct);
        await DigestPlanState.StoreAsync(rig.Db.Database, rig.Time, rig.Council.Id, ct);
        string[] list = ["chair@example.org", "committee@example.org"];

        var snapshot = await rig.Snapshots.LoadAsync(rig.Council, ct);
        var enqueued = await rig.Outbox.EnqueueDigestAsync(snapshot, DigestPlanState.Today, list, rig.Time.GetUtcNow(), ct);
        var sent = await rig.DispatchAsync(ct);
        var again = await rig.Outbox.EnqueueDigestAsync(snapshot, DigestPlanState.Today, list, rig.Time.GetUtcNow(), ct);

        Assert.Equal((2, 2), (enqueued.Count, sent));
        Assert.Empty(again); // once per address and day
        var received = server.Received();
        Assert.Equal(["chair@example.org", "committee@example.org"], received.Select(r => r.RcptTo.Single()).Order(StringComparer.Ordinal));
        var message = received[0].Message;
        Assert.Equal("Сводка по плану НОКО на 01.06.2020 — Общественный совет г. Десногорск", message.Subject);
        var text = message.TextBody!;
        Assert.Contains("Выполнено 2 из 7 пунктов плана. Просрочено: 1. Срок в ближайшие 14 дней: 2.", text, StringComparison.Ordinal);
        Assert.Equal(["Просрочено (1)", "Срок в ближайшие 14 дней (2)", "Выполнено за неделю (1)", "Перенесено (1)", "Ждёт протокола (2)"],
            text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.EndsWith(')') && !l.StartsWith(' ')).ToArray());
        Assert.Contains("п. 1. Обсуждение плана мероприятий | Ответственные: Общественный совет | Срок: 31.03.2020", text, StringComparison.Ordinal);
        Assert.Contains("п. 7. Размещение результатов на сайте | Ответственные: Комитет по образованию | Срок: 04.06.2020", text, StringComparison.Ordinal);
        Assert.Contains("п. 4. Разработка технического задания | Ответственные: Комитет по образованию | Перенос: 20.05.2020 → 30.06.2020 | Причина: ждём оператора", text, StringComparison.Ordinal);
        Assert.Contains("п. 3. Сбор предложений | Ответственные: Комитет по образованию | Выполнено: 28.05.2020", text, StringComparison.Ordinal);
        Assert.Contains("<table", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Ждёт протокола (2)", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_empty_week_sends_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await SmtpServerFixture.StartAsync(ct);
        using var rig = await EmailRig.CreateAsync(server.Port, ct);
        await DigestPlanState.StoreAsync(rig.Db.Database, rig.Time, rig.Council.Id, ct, full: false);
        var snapshot = await rig.Snapshots.LoadAsync(rig.Council, ct);

        var enqueued = await rig.Outbox.EnqueueDigestAsync(snapshot, DigestPlanState.Today, ["chair@example.org"], rig.Time.GetUtcNow(), ct);

        Assert.Null(snapshot.Digest(DigestPlanState.Today));
        Assert.Empty(enqueued);
        Assert.Equal(0, await rig.DispatchAsync(ct));
        Assert.Empty(server.Received());
        Assert.Empty(await rig.Ledger.PendingAsync(DateTimeOffset.MaxValue, 10, ct));
    }
}
