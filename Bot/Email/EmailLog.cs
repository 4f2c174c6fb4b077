using Microsoft.Extensions.Logging;

namespace NokoBot.Email;

/// <summary>Email log messages. Never bodies, never passwords; recipients are logged as addresses only.</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "SMTP batch of {Count} message(s) to {Server}")]
    public static partial void BatchStarting(ILogger logger, int count, string server);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Email {DeliveryKey} sent to {Recipient}: {ServerAnswer}")]
    public static partial void Sent(ILogger logger, string deliveryKey, string recipient, string serverAnswer);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Email {DeliveryKey} to {Recipient} refused permanently: {ServerAnswer}")]
    public static partial void Refused(ILogger logger, string deliveryKey, string recipient, string serverAnswer);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Email {DeliveryKey} to {Recipient} deferred, will retry: {Reason}")]
    public static partial void Deferred(ILogger logger, string deliveryKey, string recipient, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "SMTP server {Server} unavailable; {Count} message(s) stay queued")]
    public static partial void ServerUnavailable(ILogger logger, Exception exception, string server, int count);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "SMTP authentication as {User} failed on {Server}; messages stay queued")]
    public static partial void AuthenticationFailed(ILogger logger, Exception exception, string user, string server);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "SMTP disconnect from {Server} failed")]
    public static partial void DisconnectFailed(ILogger logger, Exception exception, string server);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Email dispatch: {Sent} sent, {Deferred} deferred, {Failed} failed")]
    public static partial void Dispatched(ILogger logger, int sent, int deferred, int failed);
}
