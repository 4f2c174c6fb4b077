using System.Text.RegularExpressions;
using Dapper;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>
/// Email addresses in Telegram, through the real host, the fake Bot API and a real SMTP server: the secretary's
/// <c>/invite &lt;party&gt; &lt;address&gt;</c> and a member's <c>/email</c> confirmed by a code.
/// </summary>
public sealed partial class TelegramAddressTests
{
    private const long Secretary = 900;
    private const long Member = 501;

    [Fact]
    public async Task The_secretary_invites_a_party_by_address_and_the_new_member_gets_a_welcome_letter_with_their_items()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServerFixture.StartAsync(ct);
        await using var rig = await TelegramRig.StartAsync(ct, settings: smtp.ServiceSettings());
        await rig.LinkAsync(Secretary, null, MemberRole.Secretary);

        rig.Api.PushText(Secretary, "/invite комитет по образованию Ivanova@School5.RU");
        var answer = await rig.WaitForTextAsync(Secretary, t => t.Contains("добавлен", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => smtp.Received().Count == 1, "the welcome letter", TimeSpan.FromSeconds(15));
        rig.Api.PushText(Secretary, "/invite Общественный совет IVANOVA@school5.ru");
        var taken = await rig.WaitForTextAsync(Secretary, t => t.Contains("уже указан", StringComparison.Ordinal));

        Assert.Contains("«Комитет по образованию» добавлен с адресом ivanova@school5.ru", answer, StringComparison.Ordinal);
        Assert.Contains("«Комитет по образованию»", taken, StringComparison.Ordinal);
        var (rcpt, letter) = Assert.Single(smtp.Received());
        Assert.Equal(["ivanova@school5.ru"], rcpt);
        Assert.Equal("Напоминания по плану НОКО — Общественный совет desnogorsk", letter.Subject);
        Assert.Contains("п. 4 «Разработка технического задания <b>для</b> оператора» — срок до 30.06.2020", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("п. 5 «Проведение торгов» — срок до 31.08.2020", letter.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("п. 8", letter.TextBody, StringComparison.Ordinal); // the council's item, not theirs
        Assert.Contains("Отписаться", letter.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM members WHERE email = 'ivanova@school5.ru' AND telegram_chat_id IS NULL"));
    }

    [Fact]
    public async Task A_member_only_may_not_invite_by_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await TelegramRig.StartAsync(ct);
        await rig.LinkAsync(Member, "Общественный совет");

        rig.Api.PushText(Member, "/invite Комитет по образованию ivanova@school5.ru");

        Assert.Contains("только секретарю", await rig.WaitForTextAsync(Member, t => !t.Contains("Здравствуйте", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM members"));
    }

    [Fact]
    public async Task A_member_s_address_is_theirs_once_they_send_back_the_code_it_got_and_the_digest_goes_there_too()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServerFixture.StartAsync(ct);
        await using var rig = await TelegramRig.StartAsync(ct, settings: smtp.ServiceSettings());
        await rig.LinkAsync(Member, "Общественный совет");

        rig.Api.PushText(Member, "/email Maria@Example.org");
        await rig.WaitForTextAsync(Member, t => t.Contains("Отправил письмо с кодом на maria@example.org", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => smtp.Received().Count == 1, "the code letter", TimeSpan.FromSeconds(15));
        var (rcpt, letter) = smtp.Received()[0];
        var code = Code().Match(letter.TextBody ?? "").Groups["code"].Value;
        Assert.Equal(["maria@example.org"], rcpt);
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM members WHERE email IS NOT NULL")); // not theirs yet

        var wrong = code == "000000" ? "111111" : "000000";
        rig.Api.PushText(Member, $"/email {wrong}");
        Assert.Contains("Осталось попыток: 4", await rig.WaitForTextAsync(Member, t => t.Contains("Код не подошёл", StringComparison.Ordinal)), StringComparison.Ordinal);
        rig.Api.PushText(Member, $"/email {code}");
        await rig.WaitForTextAsync(Member, t => t.Contains("Адрес maria@example.org подтверждён", StringComparison.Ordinal));
        rig.Api.PushText(Member, $"/email {code}");
        await rig.WaitForTextAsync(Member, t => t.Contains("Нет адреса, который ждёт подтверждения", StringComparison.Ordinal));

        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM members WHERE telegram_user_id = 501 AND email = 'maria@example.org' AND email_digest = 1"));
        var snapshot = await rig.Service<CouncilSnapshotStore>().LoadAsync(rig.CouncilId, ct);
        Assert.Equal(["committee@example.org", "maria@example.org"], Recipients.DigestAddresses(snapshot!, ["committee@example.org"]));
        // Reminders stay in Telegram: their chat works.
        Assert.Equal(Channels.Telegram, Recipients.ChannelFor(snapshot!.Members.Single()));
    }

    [GeneratedRegex(@"Код подтверждения: (?<code>\d{6})")]
    private static partial Regex Code();
}
