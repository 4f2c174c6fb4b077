using Microsoft.Extensions.Logging;

namespace NokoBot.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 3001, EventName = "DeliverySent", Level = LogLevel.Information,
        Message = "Sent message {MessageKey} ({Rows} deliveries) to member {MemberId} via {Channel} (late: {Late})")]
    public static partial void Sent(ILogger logger, string messageKey, int rows, long? memberId, string channel, bool late);

    [LoggerMessage(EventId = 3002, EventName = "DeliveryRetry", Level = LogLevel.Warning,
        Message = "Message {MessageKey} failed for now ({Error}); retrying at {RetryAt}")]
    public static partial void WillRetry(ILogger logger, string messageKey, string error, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 3003, EventName = "DeliveryFailed", Level = LogLevel.Error,
        Message = "Delivery {Key} failed for good: {Error}")]
    public static partial void Failed(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 3004, EventName = "DeliverySkipped", Level = LogLevel.Information,
        Message = "Delivery {Key} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 3005, EventName = "MemberUnreachable", Level = LogLevel.Warning,
        Message = "Member {MemberId} cannot be reached via {Channel}: {Error}; falling back to {Fallback}")]
    public static partial void Unreachable(ILogger logger, long? memberId, string channel, string error, string fallback);

    [LoggerMessage(EventId = 3006, EventName = "NoChannel", Level = LogLevel.Warning,
        Message = "No channel for message {MessageKey}: {Channel} is not configured")]
    public static partial void NoChannel(ILogger logger, string messageKey, string channel);

    [LoggerMessage(EventId = 3007, EventName = "Serving", Level = LogLevel.Information,
        Message = "Serving council {Council} ({TimeZone}): {Items} plan items, {Members} members; next delivery at {Next}")]
    public static partial void Serving(ILogger logger, string council, string timeZone, int items, int members, DateTimeOffset? next);

    [LoggerMessage(EventId = 3008, EventName = "ClaimLost", Level = LogLevel.Warning,
        Message = "Message {MessageKey}: {Rows} deliveries are no longer claimed by {Instance} (lease ended and taken over); not sending them")]
    public static partial void ClaimLost(ILogger logger, string messageKey, string instance, int rows);

    [LoggerMessage(EventId = 3009, EventName = "OutcomeRefused", Level = LogLevel.Warning,
        Message = "Outcome of delivery {Key} not written: it is no longer claimed by {Instance}")]
    public static partial void OutcomeRefused(ILogger logger, string key, string instance);

    [LoggerMessage(EventId = 3010, EventName = "DispatchInstance", Level = LogLevel.Information,
        Message = "Sending as instance {Instance} (delivery lease {Lease})")]
    public static partial void Instance(ILogger logger, string instance, TimeSpan lease);

    [LoggerMessage(EventId = 3011, EventName = "ClaimsTakenOver", Level = LogLevel.Warning,
        Message = "Instance {Gone} is gone: its {Rows} claimed deliveries go back now (taken over by {Instance})")]
    public static partial void ClaimsTakenOver(ILogger logger, string gone, int rows, string instance);
}
