using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Scheduling;

/// <summary>A member as the delivery side sees them: how to reach them and which parties they speak for.</summary>
public sealed record MemberContact(
    long Id, string Name, MemberRole Role, long? TelegramChatId, bool TelegramUnreachable, string? Email, IReadOnlyList<string> Parties)
{
    public bool CanUseTelegram => TelegramChatId is not null && !TelegramUnreachable;
}

/// <summary>An event a relative deadline can hang on, recorded by the secretary or a meeting.</summary>
public sealed record CouncilEvent(string Name, DateOnly OccurredOn);

/// <summary>Who and when: a council with its settings and time zone, what its digest trigger needs.</summary>
public sealed record CouncilSchedule(Council Council, CouncilSettings Settings, TimeZoneInfo Zone);

/// <summary>Everything the scheduler needs to know about one council at one moment, read in one go.</summary>
public sealed record CouncilSnapshot(
    Council Council,
    CouncilSettings Settings,
    TimeZoneInfo Zone,
    StoredPlan? Plan,
    IReadOnlyList<Reply> Replies,
    IReadOnlyList<CouncilEvent> Events,
    IReadOnlyList<MemberContact> Members)
{
    public CouncilSchedule Schedule => new(Council, Settings, Zone);

    public IEnumerable<Reply> RepliesOf(long itemId) => Replies.Where(r => r.ItemId == itemId);

    public StoredPlanItem? Item(long itemId) => Plan?.Items.FirstOrDefault(i => i.Id == itemId);
}
