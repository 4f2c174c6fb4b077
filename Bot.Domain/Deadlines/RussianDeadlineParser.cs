// TEMP STUB (untracked)
namespace NokoBot.Domain.Deadlines;
public static class RussianDeadlineParser
{
    public static Deadline Parse(string? text, int planYear) => new UnknownDeadline(text ?? "");
}
