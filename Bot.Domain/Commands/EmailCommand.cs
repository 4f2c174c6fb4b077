namespace NokoBot.Domain.Commands;

/// <summary>
/// What a member's letter asks for: «Готово», «Перенос 4 15.07 причина», «Протокол 8», «Отписаться». The item number
/// may be left out when the letter answers a reminder about one item.
/// </summary>
public abstract record EmailCommand
{
    private EmailCommand() { }

    public sealed record Done(string? Number, string? Comment) : EmailCommand;

    public sealed record Postpone(string? Number, DateOnly To, string? Reason) : EmailCommand;

    /// <summary>The protocol is the letter's attachment.</summary>
    public sealed record Protocol(string? Number, string? Comment) : EmailCommand;

    /// <summary>No more letters to this address.</summary>
    public sealed record Unsubscribe : EmailCommand;

    /// <summary>A postponement whose date could not be read.</summary>
    public sealed record PostponeWithoutDate : EmailCommand;
}
