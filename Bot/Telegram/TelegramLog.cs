using Microsoft.Extensions.Logging;

namespace NokoBot.Telegram;

internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 4001, EventName = "ReceiverStarted", Level = LogLevel.Information, Message = "Telegram: polling for updates from offset {Offset}")]
    public static partial void ReceiverStarted(ILogger logger, long offset);

    [LoggerMessage(EventId = 4002, EventName = "PollFailed", Level = LogLevel.Warning, Message = "Telegram: getUpdates failed; retrying in {Delay}")]
    public static partial void PollFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 4003, EventName = "UpdateFailed", Level = LogLevel.Error, Message = "Telegram: update {UpdateId} could not be handled and is skipped")]
    public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(EventId = 4004, EventName = "Stranger", Level = LogLevel.Information, Message = "Telegram: refused user {UserId} who is not linked to any council")]
    public static partial void Stranger(ILogger logger, long userId);

    [LoggerMessage(EventId = 4005, EventName = "ResponseFailed", Level = LogLevel.Warning, Message = "Telegram: a response to chat {ChatId} was not delivered")]
    public static partial void ResponseFailed(ILogger logger, Exception exception, long chatId);

    [LoggerMessage(EventId = 4006, EventName = "CommandsNotSet", Level = LogLevel.Warning, Message = "Telegram: setMyCommands failed; the command menu may be out of date")]
    public static partial void CommandsNotSet(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4007, EventName = "Linked", Level = LogLevel.Information, Message = "Telegram: user {UserId} linked as member {MemberId} of council {CouncilId}")]
    public static partial void Linked(ILogger logger, long userId, long memberId, long councilId);

    [LoggerMessage(EventId = 4008, EventName = "Refused", Level = LogLevel.Information, Message = "Telegram: {What} from member {MemberId} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string what, long memberId, string reason);

    [LoggerMessage(EventId = 4009, EventName = "ProtocolStored", Level = LogLevel.Information, Message = "Telegram: protocol from member {MemberId} stored ({Size} bytes, sha256 {Sha256})")]
    public static partial void ProtocolStored(ILogger logger, long memberId, long size, string sha256);

    [LoggerMessage(EventId = 4010, EventName = "Flooding", Level = LogLevel.Warning, Message = "Telegram: user {UserId} sends too fast; their update was recorded but not answered")]
    public static partial void Flooding(ILogger logger, long userId);

    [LoggerMessage(EventId = 4011, EventName = "PlanPreviewed", Level = LogLevel.Information, Message = "Telegram: member {MemberId} previews plan draft {DraftId} for {Year} ({Items} items)")]
    public static partial void PlanPreviewed(ILogger logger, long memberId, long draftId, int year, int items);

    [LoggerMessage(EventId = 4012, EventName = "PlanImported", Level = LogLevel.Information, Message = "Telegram: member {MemberId} imported plan draft {DraftId} for {Year}")]
    public static partial void PlanImported(ILogger logger, long memberId, long draftId, int year);

    [LoggerMessage(EventId = 4013, EventName = "ReportSent", Level = LogLevel.Information, Message = "Telegram: the {Year} report sent to member {MemberId} ({Bytes} bytes)")]
    public static partial void ReportSent(ILogger logger, long memberId, int year, long bytes);

    [LoggerMessage(EventId = 4014, EventName = "CouncilSettingChanged", Level = LogLevel.Information, Message = "Telegram: member {MemberId} changed the council setting {Setting} of council {CouncilId}")]
    public static partial void CouncilSettingChanged(ILogger logger, long memberId, Domain.Councils.CouncilSetting setting, long councilId);

    [LoggerMessage(EventId = 4015, EventName = "CouncilSettingRefused", Level = LogLevel.Information, Message = "Telegram: member {MemberId} sent a value for {Setting} that was refused: {Reason}")]
    public static partial void CouncilSettingRefused(ILogger logger, long memberId, Domain.Councils.CouncilSetting setting, Domain.Councils.SettingRefusal reason);

    [LoggerMessage(EventId = 4016, EventName = "AddressAdded", Level = LogLevel.Information, Message = "Telegram: member {MemberId} added a member reached by email to council {CouncilId}")]
    public static partial void AddressAdded(ILogger logger, long memberId, long councilId);

    [LoggerMessage(EventId = 4017, EventName = "CouncilPublicPageSwitched", Level = LogLevel.Information, Message = "Telegram: member {MemberId} switched the public status page {On} for council {CouncilId}")]
    public static partial void CouncilPublicPageSwitched(ILogger logger, long memberId, bool on, long councilId);

    [LoggerMessage(EventId = 4018, EventName = "WebhookDeleted", Level = LogLevel.Information, Message = "Telegram: a webhook was set; deleted it to poll for updates (pending updates kept)")]
    public static partial void WebhookDeleted(ILogger logger);

    [LoggerMessage(EventId = 4019, EventName = "WebhookSet", Level = LogLevel.Information, Message = "Telegram: webhook set; updates arrive at {Path}")]
    public static partial void WebhookSet(ILogger logger, string path);

    [LoggerMessage(EventId = 4020, EventName = "WebhookNotSet", Level = LogLevel.Warning, Message = "Telegram: setWebhook failed; retrying in {Delay}")]
    public static partial void WebhookNotSet(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 4021, EventName = "WebhookRejected", Level = LogLevel.Warning, Message = "Telegram: a webhook request from {Remote} was refused ({Status}): the secret token header was missing or wrong")]
    public static partial void WebhookRejected(ILogger logger, string remote, int status);

    [LoggerMessage(EventId = 4022, EventName = "WebhookRepeat", Level = LogLevel.Debug, Message = "Telegram: webhook update {UpdateId} was taken before; answered without handling it again")]
    public static partial void WebhookRepeat(ILogger logger, int updateId);

    [LoggerMessage(EventId = 4023, EventName = "WebhookNotRecorded", Level = LogLevel.Error, Message = "Telegram: webhook update {UpdateId} could not be recorded; answered 500 so Telegram delivers it again")]
    public static partial void WebhookNotRecorded(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(EventId = 4024, EventName = "WebhookBadBody", Level = LogLevel.Warning, Message = "Telegram: a webhook request with the right secret carried no readable update")]
    public static partial void WebhookBadBody(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 4025, EventName = "PollingLeaseTaken", Level = LogLevel.Information, Message = "Telegram: this process holds the polling lease and polls for updates")]
    public static partial void PollingLeaseTaken(ILogger logger);

    [LoggerMessage(EventId = 4026, EventName = "PollingLeaseWaiting", Level = LogLevel.Information, Message = "Telegram: another process holds the polling lease; trying again every {Interval}")]
    public static partial void PollingLeaseWaiting(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 4027, EventName = "PollingLeaseLost", Level = LogLevel.Warning, Message = "Telegram: the polling lease's database session was lost; polling stopped")]
    public static partial void PollingLeaseLost(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4028, EventName = "PollingLeaseUnreachable", Level = LogLevel.Warning, Message = "Telegram: the database holding the polling lease could not be reached; trying again in {Interval}")]
    public static partial void PollingLeaseUnreachable(ILogger logger, Exception exception, TimeSpan interval);
}
