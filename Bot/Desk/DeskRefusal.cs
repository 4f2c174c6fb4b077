namespace NokoBot.Desk;

/// <summary>Why the desk changed nothing; the channel words it (Texts).</summary>
public abstract record DeskRefusal
{
    private DeskRefusal() { }

    /// <summary>The file is not a plan NokoBot can read: the reader's own Russian message.</summary>
    public sealed record NotAPlan(string Message) : DeskRefusal;

    /// <summary>The production calendar has no data for the year: deadlines could not be moved off holidays.</summary>
    public sealed record YearNotInCalendar(int Year, IReadOnlyList<int> Known) : DeskRefusal;

    public sealed record NoDraft : DeskRefusal;

    public sealed record NotYours : DeskRefusal;

    public sealed record AlreadySettled(bool Imported) : DeskRefusal;

    public sealed record Expired : DeskRefusal;

    /// <summary>The stored plan changed after the preview was made.</summary>
    public sealed record PlanChanged : DeskRefusal;

    /// <summary>Rollover: no plan of the year before to draft from.</summary>
    public sealed record NoPlanToRoll(int Year) : DeskRefusal;

    /// <summary>Rollover: the year's plan is stored already.</summary>
    public sealed record YearExists(int Year) : DeskRefusal;
}
