namespace NokoBot.Domain.Reminders;

/// <summary>
/// What a delivery is for (DESIGN §2, Reminder; the secretary's note that the plan's year is over; the digest and
/// meeting deliveries; the letters of the email channel — a welcome, an address's confirmation code, the answer to a
/// member's letter — and the secretary's notice that a member cannot be reached somewhere any more).
/// </summary>
public enum ReminderKind { Before, Due, Overdue, Escalation, Checkin, AskDate, PlanOver, Digest, Agenda, RolloverOffer, Welcome, AddressCode, Answer, MemberNotice }

public static class ReminderKinds
{
    /// <summary>The contract spelling (simulate JSON, delivery keys).</summary>
    public static string ToName(this ReminderKind kind) => kind switch
    {
        ReminderKind.Before => "before",
        ReminderKind.Due => "due",
        ReminderKind.Overdue => "overdue",
        ReminderKind.Escalation => "escalation",
        ReminderKind.Checkin => "checkin",
        ReminderKind.AskDate => "ask-date",
        ReminderKind.PlanOver => "plan-over",
        ReminderKind.Digest => "digest",
        ReminderKind.RolloverOffer => "rollover-offer",
        ReminderKind.Welcome => "welcome",
        ReminderKind.AddressCode => "address-code",
        ReminderKind.Answer => "answer",
        ReminderKind.MemberNotice => "member-notice",
        _ => "agenda",
    };

    /// <summary>The kind a ledger row names (<see cref="ToName"/> read back); null for a name NokoBot never wrote.</summary>
    public static ReminderKind? Parse(string name) =>
        Enum.GetValues<ReminderKind>().Select(k => (ReminderKind?)k).FirstOrDefault(k => k!.Value.ToName() == name);

    /// <summary>Reminders about plan items: whatever one person gets at one moment goes out as one message.</summary>
    public static bool IsItemReminder(this ReminderKind kind) => kind is ReminderKind.Before or ReminderKind.Due
        or ReminderKind.Overdue or ReminderKind.Escalation or ReminderKind.Checkin or ReminderKind.AskDate;
}
