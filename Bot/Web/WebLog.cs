using Microsoft.Extensions.Logging;

namespace NokoBot.Web;

internal static partial class WebLog
{
    [LoggerMessage(EventId = 7001, EventName = "Listening", Level = LogLevel.Information, Message = "Web: council pages at {BaseUrl}")]
    public static partial void Listening(ILogger logger, string baseUrl);

    [LoggerMessage(EventId = 7003, EventName = "SignedIn", Level = LogLevel.Information, Message = "Web: member {MemberId} of council {CouncilId} signed in as {Role}")]
    public static partial void SignedIn(ILogger logger, long? memberId, long councilId, NokoBot.Domain.Councils.MemberRole role);

    [LoggerMessage(EventId = 7004, EventName = "SignInRefused", Level = LogLevel.Information, Message = "Web: a sign-in link was refused (unknown, used or expired)")]
    public static partial void SignInRefused(ILogger logger);

    [LoggerMessage(EventId = 7005, EventName = "Acted", Level = LogLevel.Information, Message = "Web: {What} by member {MemberId} of council {CouncilId}: {Outcome}")]
    public static partial void Acted(ILogger logger, string what, long? memberId, long councilId, string outcome);

    [LoggerMessage(EventId = 7006, EventName = "RateLimited", Level = LogLevel.Warning, Message = "Web: sign-in requests from {Address} are over the limit")]
    public static partial void RateLimited(ILogger logger, string address);

    [LoggerMessage(EventId = 7007, EventName = "FormRefused", Level = LogLevel.Warning, Message = "Web: a form without a valid anti-forgery token was refused ({Path})")]
    public static partial void FormRefused(ILogger logger, string path);
}
