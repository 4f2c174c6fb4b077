using System.Globalization;
using System.Text.RegularExpressions;
using NokoBot.Texts;

namespace NokoBot.Simulation;

/// <summary>One scripted happening in a simulation, at a council-local time.</summary>
public abstract record ScriptAction(DateTime LocalTime, int Line)
{
    public sealed record Done(DateTime LocalTime, int Line, string Item, string? Party) : ScriptAction(LocalTime, Line);
    public sealed record Postpone(DateTime LocalTime, int Line, string Item, DateOnly To, string? Reason) : ScriptAction(LocalTime, Line);
    public sealed record SetDue(DateTime LocalTime, int Line, string Item, DateOnly Due) : ScriptAction(LocalTime, Line);
    public sealed record RecordEvent(DateTime LocalTime, int Line, string Name) : ScriptAction(LocalTime, Line);
    public sealed record Meeting(DateTime LocalTime, int Line, TimeOnly Start, string Place) : ScriptAction(LocalTime, Line);
}

/// <summary>
/// The members' replies for <c>nokobot simulate --replies</c>, one per line:
/// <code>
/// # a comment
/// 2020-03-20 done 1
/// 2020-03-20 14:30 done 1 "Комитет по образованию"
/// 2020-06-25 postpone 4 2020-07-15 ждём оператора
/// 2020-02-03 setdue 2 2020-03-16
/// 2020-09-14 event поступление результатов НОКО
/// 2020-06-15 meeting 15:00 "Зал заседаний"
/// </code>
/// Times are council-local; a line without a time happens at 12:00.
/// </summary>
public static partial class RepliesScript
{
    public static readonly TimeOnly DefaultTime = new(12, 0);

    private static readonly string[] Verbs = ["done", "postpone", "setdue", "event", "meeting"];

    public static IReadOnlyList<ScriptAction> Parse(IEnumerable<string> lines)
    {
        var actions = new List<ScriptAction>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            actions.Add(ParseLine(line, number));
        }
        return [.. actions.OrderBy(a => a.LocalTime).ThenBy(a => a.Line)];
    }

    private static ScriptAction ParseLine(string line, int number)
    {
        var m = LinePattern().Match(line);
        if (!m.Success) throw Error(number, SimulationTexts.ScriptExpectsLine);
        if (!DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Error(number, SimulationTexts.ScriptBadDate(m.Groups["date"].Value));
        var time = DefaultTime;
        if (m.Groups["time"].Success && !TimeOnly.TryParseExact(m.Groups["time"].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            throw Error(number, SimulationTexts.ScriptBadTime(m.Groups["time"].Value));
        var at = date.ToDateTime(time);
        var args = Words(m.Groups["args"].Value);
        var verb = m.Groups["verb"].Value.ToLowerInvariant();
        return verb switch
        {
            "done" when args.Count is 1 or 2 => new ScriptAction.Done(at, number, args[0], args.Count == 2 ? args[1] : null),
            "postpone" when args.Count >= 2 => new ScriptAction.Postpone(at, number, args[0], Date(args[1], number), args.Count > 2 ? string.Join(' ', args.Skip(2)) : null),
            "setdue" when args.Count == 2 => new ScriptAction.SetDue(at, number, args[0], Date(args[1], number)),
            "event" when args.Count >= 1 => new ScriptAction.RecordEvent(at, number, string.Join(' ', args)),
            "meeting" when args.Count >= 2 => new ScriptAction.Meeting(at, number, Time(args[0], number), string.Join(' ', args.Skip(1))),
            "done" => throw Error(number, SimulationTexts.ScriptExpectsDone),
            "postpone" => throw Error(number, SimulationTexts.ScriptExpectsPostpone),
            "setdue" => throw Error(number, SimulationTexts.ScriptExpectsSetDue),
            "event" => throw Error(number, SimulationTexts.ScriptExpectsEvent),
            "meeting" => throw Error(number, SimulationTexts.ScriptExpectsMeeting),
            _ => throw Error(number, SimulationTexts.ScriptUnknownAction(verb, Verbs)),
        };
    }

    private static DateOnly Date(string text, int number) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Error(number, SimulationTexts.ScriptBadDate(text));

    private static TimeOnly Time(string text, int number) =>
        TimeOnly.TryParseExact(text, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : throw Error(number, SimulationTexts.ScriptBadTime(text));

    /// <summary>Words, with "double quoted" groups kept whole.</summary>
    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text).Select(w => w.Groups["q"].Success ? w.Groups["q"].Value : w.Value)];

    private static FormatException Error(int line, string what) => new(SimulationTexts.ScriptError(line, what));

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:\s+(?<time>\d{1,2}:\d{2}))?\s+(?<verb>[A-Za-z-]+)\s*(?<args>.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex("\"(?<q>[^\"]*)\"|\\S+")]
    private static partial Regex WordPattern();
}
