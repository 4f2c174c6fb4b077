using Microsoft.Extensions.Logging;

namespace NokoBot.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 2001, EventName = "Serving", Level = LogLevel.Information,
        Message = "Serving council {Council} ({TimeZone}): {Items} plan items, {Members} members; next reminder at {NextReminder}")]
    public static partial void Serving(ILogger logger, string council, string timeZone, int items, int members, DateTimeOffset? nextReminder);

    [LoggerMessage(EventId = 2002, EventName = "SweepDone", Level = LogLevel.Information,
        Message = "Sweep: {Enqueued} deliveries written, {Sent} sent; next wake-up at {NextWakeUp}")]
    public static partial void SweepDone(ILogger logger, int enqueued, int sent, DateTimeOffset? nextWakeUp);

    [LoggerMessage(EventId = 2003, EventName = "SweepFailed", Level = LogLevel.Error,
        Message = "Sweep failed; retrying at {RetryAt}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2004, EventName = "Health", Level = LogLevel.Information,
        Message = "Health: {Councils} councils, {Pending} deliveries pending, next wake-up at {NextWakeUp}")]
    public static partial void Health(ILogger logger, int councils, int pending, DateTimeOffset? nextWakeUp);

    [LoggerMessage(EventId = 2005, EventName = "DigestSent", Level = LogLevel.Information,
        Message = "Digest of {Council} for {Day}: {Outcome} ({Enqueued} addressed)")]
    private static partial void DigestSent(ILogger logger, string council, DateOnly day, string outcome, int enqueued);

    public static void DigestSent(ILogger logger, string council, DateOnly day, bool hadItems, int enqueued) =>
        DigestSent(logger, council, day, hadItems ? "sent" : "nothing to report", enqueued);
}
