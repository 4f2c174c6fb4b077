namespace NokoBot.Storage;

/// <summary>Whether email to a member's address works.</summary>
public enum EmailState
{
    Working,

    /// <summary>A permanent bounce (5.x.x) came back: nothing more is sent there.</summary>
    Failing,

    /// <summary>The member asked for no more letters («Отписаться»).</summary>
    Stopped,
}

public static class EmailStates
{
    /// <summary>The stored spelling (members.email_state); null for a working address.</summary>
    public static string? ToName(this EmailState state) => state switch
    {
        EmailState.Failing => "failing",
        EmailState.Stopped => "stopped",
        _ => null,
    };

    public static EmailState Parse(string? name) => name switch
    {
        "failing" => EmailState.Failing,
        "stopped" => EmailState.Stopped,
        _ => EmailState.Working,
    };
}
