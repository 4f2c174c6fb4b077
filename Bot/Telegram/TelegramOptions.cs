using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NokoBot.Web;

namespace NokoBot.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Run the Telegram channel (on by default; off for an email-only service).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>From @BotFather. Environment only (<c>Telegram__BotToken</c>); never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server: the official one, a self-hosted one, or a test fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>The bot's @name for invite links; asked from getMe when empty.</summary>
    public string? BotUsername { get; set; }

    /// <summary>
    /// How updates arrive: <c>Polling</c> (getUpdates, the default) or <c>Webhook</c> (Telegram posts them to
    /// <see cref="WebhookUrl"/>, served by the council pages' Kestrel).
    /// </summary>
    public string Mode { get; set; } = PollingMode;

    public const string PollingMode = "Polling";

    public const string WebhookMode = "Webhook";

    /// <summary>The public https address Telegram posts updates to; its path is where the service takes them.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c> with every update. Environment only
    /// (<c>Telegram__WebhookSecret</c>); never logged.
    /// </summary>
    public string? WebhookSecret { get; set; }

    public bool IsWebhook => string.Equals(Mode?.Trim(), WebhookMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of <see cref="WebhookUrl"/> (a reverse proxy passes it on unchanged).</summary>
    public string WebhookPath => Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";

    /// <summary>Long-polling timeout of getUpdates.</summary>
    public int PollTimeoutSeconds { get; set; } = 50;

    /// <summary>
    /// With <c>Storage:Provider=Postgres</c> and polling: how often a process without the polling lease tries for it,
    /// and how often its holder checks that it still holds it (so the lease moves within about twice this after the
    /// holder dies, and a holder that lost it stops within this).
    /// </summary>
    public int PollingLeaseSeconds { get; set; } = 5;

    /// <summary>How long one send may take before it is abandoned and retried later (polls have their own, longer wait).</summary>
    public int SendTimeoutSeconds { get; set; } = 20;

    public int GlobalMessagesPerSecond { get; set; } = 30;

    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Bot API refuses to hand bots files over 20 MB; bigger uploads are refused before downloading.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>Every problem at once, each named by the environment variable that fixes it; the token itself is never echoed.</summary>
public sealed partial class TelegramOptionsValidator(IOptions<WebOptions> web) : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
            failures.Add("Telegram__BotToken is not set: put the bot token from @BotFather in that environment variable (or set Telegram__Enabled=false).");
        else if (!TokenShape().IsMatch(options.BotToken))
            failures.Add("Telegram__BotToken does not look like a bot token (digits, a colon, then letters).");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            failures.Add($"Telegram__ApiBaseUrl must be an http(s) URL, got '{options.ApiBaseUrl}'.");
        if (options.PollTimeoutSeconds is < 0 or > 90)
            failures.Add($"Telegram__PollTimeoutSeconds must be 0-90, got {options.PollTimeoutSeconds}.");
        if (options.PollingLeaseSeconds is < 1 or > 60)
            failures.Add($"Telegram__PollingLeaseSeconds must be 1-60, got {options.PollingLeaseSeconds}.");
        if (options.SendTimeoutSeconds is < 1 or > 300)
            failures.Add($"Telegram__SendTimeoutSeconds must be 1-300, got {options.SendTimeoutSeconds}.");
        if (options.GlobalMessagesPerSecond < 1) failures.Add("Telegram__GlobalMessagesPerSecond must be at least 1.");
        if (options.IsWebhook) failures.AddRange(WebhookFailures(options, uri));
        else if (!string.Equals(options.Mode?.Trim(), TelegramOptions.PollingMode, StringComparison.OrdinalIgnoreCase))
            failures.Add($"Telegram__Mode must be Polling or Webhook, got '{options.Mode}'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Neither the URL (its path may be secret too) nor the secret is echoed.</summary>
    private IEnumerable<string> WebhookFailures(TelegramOptions options, Uri? api)
    {
        if (!web.Value.Enabled)
            yield return "Telegram__Mode=Webhook needs the web server that takes the updates, but Web__Enabled is false: set Web__Enabled=true or Telegram__Mode=Polling.";
        // The official server posts only to https; a self-hosted Bot API server (or a test's fake) also to http.
        var official = api is { Host: "api.telegram.org" };
        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || !(url.Scheme == "https" || (url.Scheme == "http" && !official)))
            yield return "Telegram__WebhookUrl is not set or not an https:// URL: put the public address Telegram posts updates to there, e.g. https://bot.example.org/telegram/updates.";
        else if (url.AbsolutePath.Trim('/').Length == 0 || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            yield return "Telegram__WebhookUrl needs a path of its own and no query, e.g. https://bot.example.org/telegram/updates (the pages use the rest).";
        if (string.IsNullOrEmpty(options.WebhookSecret))
            yield return "Telegram__WebhookSecret is not set: put 1-256 characters of A-Z, a-z, 0-9, _ and - in that environment variable.";
        else if (!SecretShape().IsMatch(options.WebhookSecret))
            yield return "Telegram__WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and - (the Bot API allows no others).";
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    [GeneratedRegex(@"^\d{3,}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();
}
