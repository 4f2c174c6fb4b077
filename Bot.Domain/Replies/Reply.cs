namespace NokoBot.Domain.Replies;

public enum ReplyKind { Done, Postponed, Protocol, Closed }

/// <summary>A document attached as a protocol: where its stored copy is and what it was.</summary>
public sealed record ProtocolFile(string FileName, long Size, string Sha256, string StoredPath);

/// <summary>
/// What someone did about an item. Replies are only ever appended; an item's state is derived from them
/// (<see cref="ItemProgress"/>).
/// </summary>
/// <param name="Party">The party the reply speaks for; null when a secretary or chair acts for the whole item.</param>
public sealed record Reply(
    long ItemId,
    ReplyKind Kind,
    DateTimeOffset At,
    string? Party = null,
    long? MemberId = null,
    string? Comment = null,
    DateOnly? NewDate = null,
    ProtocolFile? File = null);

public static class ReplyKinds
{
    public static string ToName(this ReplyKind kind) => kind switch
    {
        ReplyKind.Done => "done",
        ReplyKind.Postponed => "postponed",
        ReplyKind.Protocol => "protocol",
        _ => "closed",
    };

    public static ReplyKind Parse(string name) => name switch
    {
        "done" => ReplyKind.Done,
        "postponed" => ReplyKind.Postponed,
        "protocol" => ReplyKind.Protocol,
        "closed" => ReplyKind.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown reply kind."),
    };
}
