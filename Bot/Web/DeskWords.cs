using NokoBot.Desk;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>Why the desk changed nothing, in the chat's words (<see cref="DeskTexts"/>): the web page shows the same answer.</summary>
public static class DeskWords
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
