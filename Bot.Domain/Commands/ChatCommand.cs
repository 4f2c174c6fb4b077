namespace NokoBot.Domain.Commands;

/// <summary>What a chat message asks for, parsed from «/postpone 8 15.07 ждём оператора» and the like.</summary>
public abstract record ChatCommand
{
    private ChatCommand() { }

    public sealed record Start(string? Code) : ChatCommand;
    public sealed record Help : ChatCommand;
    public sealed record My : ChatCommand;
    public sealed record Plan(int Page) : ChatCommand;
    public sealed record Item(string Number) : ChatCommand;
    public sealed record Done(string Number, string? Comment) : ChatCommand;
    public sealed record Postpone(string Number, DateOnly To, string? Reason) : ChatCommand;
    public sealed record Protocol(string Number) : ChatCommand;
    /// <param name="Address">With an email address: the party's member is reached by email (no Telegram needed).</param>
    public sealed record Invite(string Party, string? Address = null) : ChatCommand;

    /// <summary>A member gives an address (<paramref name="Address"/>) or sends back the code it got (<paramref name="Code"/>).</summary>
    public sealed record Email(string? Address, string? Code) : ChatCommand;
    public sealed record RecordEvent(string Name, DateOnly On) : ChatCommand;
    public sealed record SetDue(string Number, DateOnly Due) : ChatCommand;
    public sealed record Members : ChatCommand;
    public sealed record ScheduleMeeting(DateOnly Day, TimeOnly At, string Place) : ChatCommand;

    /// <summary>A sign-in link to the council's pages; <paramref name="Logout"/>: end every web session instead.</summary>
    public sealed record Web(bool Logout) : ChatCommand;

    /// <summary>The person's calendar feed link; <paramref name="Renew"/>: a new one, the old one revoked.</summary>
    public sealed record Calendar(bool Renew) : ChatCommand;

    /// <summary>A member's own settings: shown without a change; <paramref name="Change"/> otherwise.</summary>
    public sealed record Settings(SettingsChange? Change) : ChatCommand;

    /// <summary>The year's report as a Word file (the plan's year by default).</summary>
    public sealed record Report(int? Year) : ChatCommand;

    /// <summary>A draft of next year's plan from this one (the year after the plan's by default).</summary>
    public sealed record Rollover(int? Year) : ChatCommand;

    /// <summary>A command NokoBot does not have.</summary>
    public sealed record Unknown(string Name) : ChatCommand;

    /// <summary>A known command with arguments that do not fit: <paramref name="Usage"/> is the Russian usage line.</summary>
    public sealed record Invalid(string Name, string Usage) : ChatCommand;
}

/// <summary>What a member changes with <c>/settings</c>.</summary>
public abstract record SettingsChange
{
    private SettingsChange() { }

    public sealed record ReminderHour(TimeOnly Time) : SettingsChange;

    public sealed record WeeklySummary(bool Only) : SettingsChange;

    /// <summary>Back to the council's hour and daily reminders.</summary>
    public sealed record Reset : SettingsChange;
}
