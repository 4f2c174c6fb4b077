using NokoBot.Domain.Councils;
using NokoBot.Domain.Replies;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Telegram;

/// <summary>A linked member and their council's plan as it stands now, with what they may do to it.</summary>
public sealed record MemberView(TelegramMember Member, CouncilSnapshot Snapshot, DateOnly Today, ReminderPlanner Planner)
{
    public StoredPlanItem? Item(string number) => Snapshot.Plan?.Items.FirstOrDefault(i => i.Number == number);

    /// <summary>Members act on their own parties' items; the secretary and the chair on all.</summary>
    public bool CanActOn(StoredPlanItem item) => Member.ActsOnAllItems || PartiesFor(item).Count > 0;

    /// <summary>The item's parties this member speaks for.</summary>
    public IReadOnlyList<string> PartiesFor(StoredPlanItem item) => [.. item.Parties.Intersect(Member.Parties, StringComparer.OrdinalIgnoreCase)];

    public ItemProgress Progress(StoredPlanItem item) => ItemProgress.Of(item.Parties, Snapshot.RepliesOf(item.Id), item.Result);

    public DateOnly? Due(StoredPlanItem item) => Planner.CurrentDue(Snapshot, item, Today);

    /// <summary>Where the item stands, as a person reads it: «до 30.06.2020», «просрочено на 3 дня…», «выполнено».</summary>
    public string When(StoredPlanItem item)
    {
        var progress = Progress(item);
        if (progress.IsClosed) return "выполнено";
        if (Due(item) is not { } due) return DeadlineTexts.Describe(item.Deadline);
        var late = Today.DayNumber - due.DayNumber;
        return late > 0
            ? $"просрочено на {late} {DeadlineTexts.Plural(late, "день", "дня", "дней")} (срок был {DeadlineTexts.Date(due)})"
            : $"до {DeadlineTexts.Date(due)}";
    }

    /// <summary>This member's open items, soonest first; all open items for a secretary or chair without parties of their own.</summary>
    public IReadOnlyList<StoredPlanItem> OpenItems()
    {
        var items = Snapshot.Plan?.Items ?? [];
        var mine = items.Where(i => PartiesFor(i).Any(p => Progress(i).IsOpenFor(p))).ToList();
        if (mine.Count == 0 && Member.ActsOnAllItems && Member.Parties.Count == 0) mine = [.. items.Where(i => !Progress(i).IsClosed)];
        return [.. mine.OrderBy(i => Due(i) ?? DateOnly.MaxValue)];
    }

    public bool IsChair => Member.Role == MemberRole.Chair;
}
