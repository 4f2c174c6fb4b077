using Microsoft.Extensions.Logging;

namespace NokoBot.Inbox;

/// <summary>The inbox's structured log lines (never a password, never a letter's text).</summary>
internal static partial class InboxLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "IMAP connected to {Mailbox}: {Mode}")]
    public static partial void Connected(ILogger logger, string mailbox, string mode);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "IMAP server {Mailbox} unavailable, trying again in {DelaySeconds} s: {Reason}")]
    public static partial void Unavailable(ILogger logger, string mailbox, double delaySeconds, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Inbox letter uid {Uid}: {Outcome} (member {MemberId})")]
    public static partial void Handled(ILogger logger, uint uid, string outcome, long? memberId);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Inbox letter uid {Uid} ({MessageId}) was handled before; not again")]
    public static partial void Duplicate(ILogger logger, uint uid, string messageId);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Inbox letter from unknown address {Sender}: not answered")]
    public static partial void Stranger(ILogger logger, string sender);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Information, Message = "Inbox letter {Outcome}, not answered: {Why}")]
    public static partial void Ignored(ILogger logger, string outcome, string why);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "Inbox letter uid {Uid} is {Size} bytes, over the limit: not read, not answered")]
    public static partial void TooLarge(ILogger logger, uint uid, long size);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "Bounce reporting {Reported} address(es); {Members} member address(es) failing")]
    public static partial void Bounce(ILogger logger, int reported, int members);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information, Message = "Inbox {Request} of member {MemberId} refused: {Refusal}")]
    public static partial void Refused(ILogger logger, string request, long memberId, string refusal);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Inbox letter uid {Uid} could not be read: {Reason}")]
    public static partial void Unreadable(ILogger logger, uint uid, string reason);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Inbox batch: {Count} letter(s) handled and moved to {DoneFolder}")]
    public static partial void Batch(ILogger logger, int count, string doneFolder);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Error, Message = "IMAP login to {Mailbox} refused; check Imap__User and Imap__Password")]
    public static partial void LoginRefused(ILogger logger, string mailbox);
}
