using Microsoft.Extensions.Logging;

namespace NokoBot.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 2002, EventName = "SweepDone", Level = LogLevel.Information,
        Message = "Sweep: {Enqueued} deliveries written, {Sent} sent; next wake-up at {NextWakeUp}")]
    public static partial void SweepDone(ILogger logger, int enqueued, int sent, DateTimeOffset? nextWakeUp);

    [LoggerMessage(EventId = 2003, EventName = "SweepFailed", Level = LogLevel.Error,
        Message = "Sweep failed; retrying at {RetryAt}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2004, EventName = "Health", Level = LogLevel.Information,
        Message = "Health: {Councils} councils, {Pending} deliveries pending, next wake-up at {NextWakeUp}")]
    public static partial void Health(ILogger logger, int councils, int pending, DateTimeOffset? nextWakeUp);

    [LoggerMessage(EventId = 2005, EventName = "DigestQueued", Level = LogLevel.Information,
        Message = "Digest of {Council} for {Day}: {Addressed} addressed (none when the week had nothing to report or it was sent already)")]
    public static partial void DigestQueued(ILogger logger, string council, DateOnly day, int addressed);
}
