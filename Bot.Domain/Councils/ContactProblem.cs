namespace NokoBot.Domain.Councils;

/// <summary>Why a member cannot be reached on a channel any more: the secretary is told once.</summary>
public enum ContactProblem
{
    /// <summary>Telegram answered 403 (the bot was blocked) or «chat not found».</summary>
    TelegramLost,

    /// <summary>A letter to their address came back for good (a 5.x.x bounce).</summary>
    EmailBounced,

    /// <summary>They asked for no more letters.</summary>
    EmailStopped,
}
