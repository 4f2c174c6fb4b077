namespace NokoBot.Inbox;

/// <summary>What came of a letter, as inbound_letters.outcome records it (and the logs and counts name it).</summary>
public static class LetterOutcomes
{
    public const string Applied = "applied";
    public const string Refused = "refused";
    public const string Stranger = "stranger";
    public const string Automatic = "automatic";
    public const string Bounce = "bounce";
    public const string TooLarge = "too-large";
    public const string Unreadable = "unreadable";
}
