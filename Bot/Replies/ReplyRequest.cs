using NokoBot.Domain.Replies;

namespace NokoBot.Replies;

/// <summary>What someone asks to do about the plan, whichever channel it came through.</summary>
public abstract record ReplyRequest
{
    private ReplyRequest() { }

    /// <param name="Party">Report for this party only (the administrator or a secretary naming it); null: the actor's own.</param>
    public sealed record Done(string Number, string? Comment, string? Party = null) : ReplyRequest;

    public sealed record Postpone(string Number, DateOnly To, string? Reason) : ReplyRequest;

    public sealed record SetDue(string Number, DateOnly Due) : ReplyRequest;

    public sealed record RecordEvent(string Name, DateOnly On) : ReplyRequest;

    /// <summary>A protocol document for one item, already stored (<see cref="ReplyService.StoreProtocolAsync"/>).</summary>
    public sealed record Protocol(string Number, ProtocolFile File, string? Comment) : ReplyRequest;

    /// <summary>A meeting's protocol, recorded on its open agenda items.</summary>
    public sealed record MeetingProtocol(long MeetingId, ProtocolFile File) : ReplyRequest;
}
