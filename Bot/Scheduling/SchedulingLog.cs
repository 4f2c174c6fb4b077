using Microsoft.Extensions.Logging;

namespace NokoBot.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 2002, EventName = "CouncilPlanned", Level = LogLevel.Information,
        Message = "Council {CouncilId} planned: {Enqueued} deliveries written; next due at {NextDue}")]
    public static partial void CouncilPlanned(ILogger logger, long councilId, int enqueued, DateTimeOffset? nextDue);

    [LoggerMessage(EventId = 2003, EventName = "CouncilPlanFailed", Level = LogLevel.Error,
        Message = "Planning council {CouncilId} failed; retrying at {RetryAt}")]
    public static partial void CouncilPlanFailed(ILogger logger, Exception exception, long councilId, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2004, EventName = "Health", Level = LogLevel.Information,
        Message = "Health: {Councils} councils, {Pending} deliveries pending, {SnapshotsRead} council snapshots read since start, next wake-up at {NextWakeUp}")]
    public static partial void Health(ILogger logger, int councils, int pending, long snapshotsRead, DateTimeOffset? nextWakeUp);

    [LoggerMessage(EventId = 2005, EventName = "DigestQueued", Level = LogLevel.Information,
        Message = "Digest of {Council} for {Day}: {Addressed} addressed (none when the week had nothing to report or it was sent already)")]
    public static partial void DigestQueued(ILogger logger, string council, DateOnly day, int addressed);

    [LoggerMessage(EventId = 2006, EventName = "Dispatched", Level = LogLevel.Information,
        Message = "Dispatch: {Sent} sent; next pending at {NextPending}")]
    public static partial void Dispatched(ILogger logger, int sent, DateTimeOffset? nextPending);

    [LoggerMessage(EventId = 2007, EventName = "DispatchFailed", Level = LogLevel.Error,
        Message = "Dispatch failed; retrying at {RetryAt}")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 2008, EventName = "Scheduled", Level = LogLevel.Information,
        Message = "Scheduled {Councils} councils: {Kept} kept from the store, the others from their stored instants ({New} new, planned now; {Due} due now)")]
    public static partial void Scheduled(ILogger logger, int councils, int kept, int @new, int due);

    [LoggerMessage(EventId = 2009, EventName = "DigestTooLate", Level = LogLevel.Information,
        Message = "Digest of {Council} due at {DueAt} fired past its catch-up grace (the service was down); left to next week's")]
    public static partial void DigestTooLate(ILogger logger, string council, DateTimeOffset dueAt);
}
