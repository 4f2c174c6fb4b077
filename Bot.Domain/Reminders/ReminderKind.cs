namespace NokoBot.Domain.Reminders;

/// <summary>What a planned notification is for (DESIGN §2, Reminder; plus the digest and agenda deliveries).</summary>
public enum ReminderKind { Before, Due, Overdue, Escalation, Checkin, AskDate, Digest, Agenda }

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
        ReminderKind.Digest => "digest",
        _ => "agenda",
    };
}
