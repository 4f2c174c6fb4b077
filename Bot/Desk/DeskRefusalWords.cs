using NokoBot.Texts;

namespace NokoBot.Desk;

/// <summary>Why the desk changed nothing, in words (<see cref="DeskTexts"/>): every channel gives the same answer.</summary>
public static class DeskRefusalWords
{
    public static ChatText Of(DeskRefusal refusal) => refusal switch
    {
        DeskRefusal.NotAPlan n => DeskTexts.NotAPlan(n.Message),
        DeskRefusal.YearNotInCalendar y => DeskTexts.YearNotInCalendar(y.Year, y.Known),
        DeskRefusal.NotYours => DeskTexts.NotYours,
        DeskRefusal.AlreadySettled s => DeskTexts.AlreadySettled(s.Imported),
        DeskRefusal.Expired => DeskTexts.Expired,
        DeskRefusal.PlanChanged => DeskTexts.PlanChanged,
        DeskRefusal.NoPlanToRoll r => DeskTexts.NoPlanToRoll(r.Year),
        DeskRefusal.YearExists e => DeskTexts.YearExists(e.Year),
        _ => DeskTexts.NoDraft,
    };
}
