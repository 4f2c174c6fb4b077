namespace NokoBot.Delivery;

/// <summary>Channel names as stored in the delivery ledger.</summary>
public static class Channels
{
    public const string Telegram = "telegram";
    public const string Email = "email";
}
