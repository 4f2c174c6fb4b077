using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Hosting;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Telegram;

/// <summary>
/// <c>Telegram:Mode=Webhook</c> end to end: the real service on a free port, the fake Bot API posting updates to it
/// as Telegram does (with the secret setWebhook registered), and the real Telegram.Bot client answering.
/// </summary>
public sealed class TelegramWebhookTests
{
    private const string Secret = "s3cret_Token-for-the-webhook";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Webhook()
    {
        var port = SmtpServerFixture.FreePort();
        return new Dictionary<string, string?>
        {
            ["Web:Urls"] = $"http://127.0.0.1:{port}",
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/telegram/updates-x7",
            ["Telegram:WebhookSecret"] = Secret,
        };
    }

    private static async Task<TelegramRig> StartAsync(CancellationToken ct)
    {
        var rig = await TelegramRig.StartAsync(ct, settings: Webhook());
        await Eventually.TrueAsync(() => rig.Api.RegisteredWebhook is not null, "setWebhook at start", TimeSpan.FromSeconds(15));
        return rig;
    }

    /// <summary>Links a user through an invite and /start delivered by the webhook.</summary>
    private static async Task LinkAsync(TelegramRig rig, long userId, string party, CancellationToken ct)
    {
        var code = await rig.InviteAsync(party);
        Assert.Equal(HttpStatusCode.OK, await rig.Api.DeliverAsync(rig.Api.PushText(userId, $"/start {code}"), ct));
        await rig.WaitForTextAsync(userId, t => t.Contains("Здравствуйте", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_start_the_service_sets_the_webhook_with_the_secret_and_the_updates_polling_asks_for()
    {
        await using var rig = await StartAsync(_ct);

        var webhook = rig.Api.RegisteredWebhook!;
        Assert.EndsWith("/telegram/updates-x7", webhook.Url, StringComparison.Ordinal);
        Assert.Equal(Secret, webhook.SecretToken);
        Assert.Equal(["message", "callback_query"], webhook.AllowedUpdates);
        Assert.False(webhook.DropPendingUpdates);
        Assert.Empty(rig.Api.PollOffsets); // no getUpdates in webhook mode
        Assert.DoesNotContain(rig.Logs.Lines, m => m.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_done_posted_by_telegram_is_applied_and_answered()
    {
        await using var rig = await StartAsync(_ct);
        await LinkAsync(rig, 501, "Комитет по образованию", _ct);

        var status = await rig.Api.DeliverAsync(rig.Api.PushText(501, "/done 5 торги проведены"), _ct);
        var answer = await rig.WaitForTextAsync(501, t => t.StartsWith('✅'));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("п. 5", answer, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies WHERE kind = 'done'"));
    }

    [Fact]
    public async Task An_update_delivered_twice_is_applied_once_and_both_deliveries_get_200()
    {
        await using var rig = await StartAsync(_ct);
        await LinkAsync(rig, 501, "Комитет по образованию", _ct);
        var id = rig.Api.PushText(501, "/done 5");

        var first = await rig.Api.DeliverAsync(id, _ct);
        var again = await rig.Api.DeliverAsync(id, _ct);
        // The answers go out before the 200, so whatever the repeat would have sent is sent by now.
        await rig.WaitForTextAsync(501, t => t.StartsWith('✅'));

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies"));
        Assert.Single(rig.Api.TextsTo(501), t => t.StartsWith('✅'));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM telegram_updates WHERE update_id = @id", new { id }));
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_refused_and_nothing_is_applied()
    {
        await using var rig = await StartAsync(_ct);
        await LinkAsync(rig, 501, "Комитет по образованию", _ct);
        var sentBefore = rig.Api.TextsTo(501).Count;
        var id = rig.Api.PushText(501, "/done 5");

        var missing = await rig.Api.DeliverAsync(id, _ct, omitSecret: true);
        var wrong = await rig.Api.DeliverAsync(id, _ct, secretToken: Secret + "x");
        var empty = await rig.Api.DeliverAsync(id, _ct, secretToken: "");

        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal(HttpStatusCode.Forbidden, wrong);
        Assert.True(empty is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"an empty secret got {empty}");
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM replies"));
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM telegram_updates WHERE update_id = @id", new { id }));
        Assert.Equal(sentBefore, rig.Api.TextsTo(501).Count);
        // Refused means not taken: Telegram's own delivery of it still counts.
        Assert.Equal(HttpStatusCode.OK, await rig.Api.DeliverAsync(id, _ct));
        await rig.WaitForTextAsync(501, t => t.StartsWith('✅'));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies"));
    }

    [Fact]
    public async Task A_handler_whose_writes_fail_is_answered_200_once_and_not_applied_later()
    {
        await using var rig = await StartAsync(_ct);
        await LinkAsync(rig, 501, "Комитет по образованию", _ct);
        await rig.ExecuteAsync("CREATE TRIGGER poison BEFORE INSERT ON replies BEGIN SELECT RAISE(ABORT, 'poison'); END");
        var id = rig.Api.PushText(501, "/done 5");

        var status = await rig.Api.DeliverAsync(id, _ct);
        await rig.ExecuteAsync("DROP TRIGGER poison");
        var again = await rig.Api.DeliverAsync(id, _ct);

        // Telegram must not resend a poison update forever: taken (its id recorded), skipped, and a resend is a repeat.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(0, await rig.CountAsync("SELECT count(*) FROM replies"));
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM telegram_updates WHERE update_id = @id", new { id }));
    }

    [Fact]
    public async Task When_not_even_the_update_id_can_be_written_the_answer_is_500_and_the_resend_is_applied()
    {
        await using var rig = await StartAsync(_ct);
        await LinkAsync(rig, 501, "Комитет по образованию", _ct);
        await rig.ExecuteAsync("CREATE TRIGGER down BEFORE INSERT ON telegram_updates BEGIN SELECT RAISE(ABORT, 'down'); END");
        var id = rig.Api.PushText(501, "/done 5");

        var status = await rig.Api.DeliverAsync(id, _ct);
        var nothing = await rig.CountAsync("SELECT count(*) FROM replies");
        await rig.ExecuteAsync("DROP TRIGGER down");
        var resent = await rig.Api.DeliverAsync(id, _ct);
        await rig.WaitForTextAsync(501, t => t.StartsWith('✅'));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(0, nothing);
        Assert.Equal(HttpStatusCode.OK, resent);
        Assert.Equal(1, await rig.CountAsync("SELECT count(*) FROM replies"));
    }

    [Fact]
    public async Task Polling_mode_deletes_a_webhook_left_from_webhook_mode_and_polls()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);
        await rig.StopHostAsync(_ct);
        rig.Api.PresetWebhook("https://bot.example.org/telegram/old", "old");

        await rig.StartHostAsync(_ct);
        await rig.LinkAsync(501, "Комитет по образованию");

        Assert.Null(rig.Api.RegisteredWebhook);
        var delete = Assert.Single(rig.Api.CallsTo("deleteWebhook"));
        Assert.False(delete.Body["drop_pending_updates"]?.GetValue<bool>() ?? false);
    }

    [Fact]
    public async Task Polling_mode_without_a_webhook_deletes_nothing()
    {
        await using var rig = await TelegramRig.StartAsync(_ct);

        await rig.LinkAsync(501, "Комитет по образованию");

        Assert.NotEmpty(rig.Api.CallsTo("getWebhookInfo"));
        Assert.Empty(rig.Api.CallsTo("deleteWebhook"));
        Assert.Empty(rig.Api.CallsTo("setWebhook"));
    }

    [Fact]
    public async Task A_misconfigured_webhook_stops_the_start_naming_each_variable_and_never_the_secret()
    {
        using var db = new TempDatabase();
        const string badSecret = "no spaces allowed: ключ";
        var logs = new CapturingLoggerProvider();
        var builder = NokoBotHost.CreateServiceBuilder(new Dictionary<string, string?>
        {
            ["Storage:Path"] = db.Path,
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "ftp://bot.example.org/telegram",
            ["Telegram:WebhookSecret"] = badSecret,
            ["Web:Enabled"] = "false",
        });
        builder.Logging.ClearProviders().AddProvider(logs);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(_ct));

        Assert.Contains("Web__Enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Telegram__WebhookUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Telegram__WebhookSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, m => m.Contains(badSecret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Webhook", null, "Telegram__WebhookSecret is not set")]
    [InlineData("Webhook", "https://api.telegram.org", "Telegram__WebhookUrl is not set or not an https:// URL")] // http to the official server
    [InlineData("Hook", null, "Telegram__Mode must be Polling or Webhook")]
    public async Task Each_webhook_setting_is_checked_by_its_variable(string mode, string? apiBaseUrl, string expected)
    {
        using var db = new TempDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = db.Path,
            ["Logging:LogLevel:Default"] = "None",
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:Mode"] = mode,
            ["Telegram:WebhookUrl"] = "http://127.0.0.1:8443/telegram/updates",
        };
        if (apiBaseUrl is not null)
        {
            settings["Telegram:ApiBaseUrl"] = apiBaseUrl;
            settings["Telegram:WebhookSecret"] = Secret;
        }
        using var host = NokoBotHost.CreateServiceBuilder(settings).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(_ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
