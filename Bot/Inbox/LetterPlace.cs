namespace NokoBot.Inbox;

/// <summary>Where a letter was read: the mailbox (server, user, folder), its UIDVALIDITY and the letter's UID.</summary>
public sealed record LetterPlace(string Mailbox, uint UidValidity, uint Uid);
