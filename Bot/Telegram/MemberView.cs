using NokoBot.Domain.Replies;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Telegram;

/// <summary>A linked member and their council's plan as it stands now.</summary>
public sealed record MemberView(TelegramMember Member, CouncilSnapshot Snapshot, DateOnly Today)
{
    /// <summary>What this member may do: the reply service applies the rules.</summary>
    public Actor Actor => new(Member.MemberId, Member.Role, Member.Parties);

    public StoredPlanItem? Item(string number) => Snapshot.Item(number);

    public DateOnly? Due(StoredPlanItem item) => Snapshot.CurrentDue(item, Today);

    /// <summary>Where the item stands, as a person reads it: «до 30.06.2020», «просрочено на 3 дня…», «выполнено».</summary>
    public string When(StoredPlanItem item) => ChatTexts.When(Snapshot.Progress(item, Today).IsClosed, Due(item), Today, item.Deadline);

    /// <summary>This member's open items, soonest first; all open items for a secretary or chair without parties of their own.</summary>
    public IReadOnlyList<StoredPlanItem> OpenItems()
    {
        var items = Snapshot.Plan?.Items ?? [];
        var mine = items.Where(i => Actor.PartiesOf(i.Parties).Any(p => Snapshot.Progress(i, Today).IsOpenFor(p))).ToList();
        if (mine.Count == 0 && Actor.ActsOnAllItems && Member.Parties.Count == 0) mine = [.. items.Where(i => !Snapshot.Progress(i, Today).IsClosed)];
        return [.. mine.OrderBy(i => Due(i) ?? DateOnly.MaxValue)];
    }
}
