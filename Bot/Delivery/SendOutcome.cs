namespace NokoBot.Delivery;

/// <summary>How one send attempt ended, as the channel classified it. The dispatcher is the one owner of retries.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    public sealed record Sent(string? ExternalId) : SendOutcome;

    /// <summary>Worth trying again later (rate limit, 5xx, timeout, server down); <paramref name="After"/> when the server said.</summary>
    public sealed record Retry(string Error, TimeSpan? After = null) : SendOutcome;

    /// <summary>Will never succeed (rejected recipient, bad request).</summary>
    public sealed record Failed(string Error) : SendOutcome;

    /// <summary>The member cannot be reached on this channel any more (blocked the bot): fall back to another channel.</summary>
    public sealed record Unreachable(string Error) : SendOutcome;
}
