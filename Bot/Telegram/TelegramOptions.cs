using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

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

    /// <summary>Long-polling timeout of getUpdates.</summary>
    public int PollTimeoutSeconds { get; set; } = 50;

    /// <summary>How long one send may take before it is abandoned and retried later (polls have their own, longer wait).</summary>
    public int SendTimeoutSeconds { get; set; } = 20;

    public int GlobalMessagesPerSecond { get; set; } = 30;

    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Bot API refuses to hand bots files over 20 MB; bigger uploads are refused before downloading.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>Every problem at once, each named by the environment variable that fixes it; the token itself is never echoed.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
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
        if (options.SendTimeoutSeconds is < 1 or > 300)
            failures.Add($"Telegram__SendTimeoutSeconds must be 1-300, got {options.SendTimeoutSeconds}.");
        if (options.GlobalMessagesPerSecond < 1) failures.Add("Telegram__GlobalMessagesPerSecond must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d{3,}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();
}
