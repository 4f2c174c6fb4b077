using System.Text.RegularExpressions;

namespace NokoBot.Domain.Commands;

/// <summary>
/// Parses chat commands («/done 4 готово», «/postpone@NokoBot 8 15.07 ждём оператора»). Never throws: bad arguments
/// give <see cref="ChatCommand.Invalid"/> with the usage line to show, an unknown name <see cref="ChatCommand.Unknown"/>.
/// </summary>
public static partial class ChatCommandParser
{
    public static class Usage
    {
        public const string Item = "/item <номер пункта>";
        public const string Done = "/done <номер пункта> [комментарий]";
        public const string Postpone = "/postpone <номер пункта> <дата: 15.07, 15.07.2020, 15 июля или +7> [причина]";
        public const string Protocol = "/protocol <номер пункта> — подписью к файлу протокола";
        public const string Invite = "/invite <ответственный из плана> [адрес почты]";
        public const string Email = "/email <адрес почты>, затем /email <код из письма>";
        public const string Event = "/event <событие> <дата>";
        public const string SetDue = "/setdue <номер пункта> <дата>";
        public const string Plan = "/plan [страница]";
        public const string Meeting = "/meeting <дата> <ЧЧ:ММ> <место>";
        public const string Settings = "/settings [ЧЧ:ММ | сводка | ежедневно | сброс]";
        public const string Report = "/report [год]";
        public const string Rollover = "/rollover [год]";
        public const string Web = "/web — ссылка для входа; /web logout — выйти на всех устройствах";
        public const string Calendar = "/calendar — ссылка на календарь; /calendar new — новая ссылка";
    }

    /// <returns>null when the text is not a command at all.</returns>
    public static ChatCommand? Parse(string? text, DateOnly today)
    {
        if (text is null) return null;
        var m = CommandLine().Match(text.Trim());
        if (!m.Success) return null;
        var name = m.Groups["name"].Value.ToLowerInvariant();
        var args = m.Groups["args"].Value.Trim();
        return name switch
        {
            "start" => new ChatCommand.Start(args.Length == 0 ? null : args.Split(' ')[0]),
            "help" => new ChatCommand.Help(),
            "my" => new ChatCommand.My(),
            "members" => new ChatCommand.Members(),
            "plan" => args.Length == 0 ? new ChatCommand.Plan(1)
                : int.TryParse(args, System.Globalization.CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 1000 ? new ChatCommand.Plan(page)
                : Invalid(name, Usage.Plan),
            "item" => ItemNumber(args) is { } n && Rest(args).Length == 0 ? new ChatCommand.Item(n) : Invalid(name, Usage.Item),
            "done" => ItemNumber(args) is { } n ? new ChatCommand.Done(n, NullIfEmpty(Rest(args))) : Invalid(name, Usage.Done),
            "protocol" => ItemNumber(args) is { } n ? new ChatCommand.Protocol(n) : Invalid(name, Usage.Protocol),
            "postpone" => ItemNumber(args) is { } n && ChatDateParser.TryParseLeading(Rest(args), today, out var to, out var reason)
                ? new ChatCommand.Postpone(n, to, NullIfEmpty(reason)) : Invalid(name, Usage.Postpone),
            "setdue" => ItemNumber(args) is { } n && ChatDateParser.TryParseLeading(Rest(args), today, out var due, out var tail) && tail.Length == 0
                ? new ChatCommand.SetDue(n, due) : Invalid(name, Usage.SetDue),
            "event" => ChatDateParser.TryParseTrailing(args, today, out var on, out var eventName) && eventName.Length > 0
                ? new ChatCommand.RecordEvent(eventName, on) : Invalid(name, Usage.Event),
            "meeting" => ChatDateParser.TryParseLeading(args, today, out var day, out var timeAndPlace) && MeetingTime().Match(timeAndPlace) is { Success: true } t
                && TimeOnly.TryParseExact(t.Groups["t"].Value, "H:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start)
                ? new ChatCommand.ScheduleMeeting(day, start, t.Groups["place"].Value.Trim()) : Invalid(name, Usage.Meeting),
            "settings" => args.Length == 0 ? new ChatCommand.Settings(null)
                : SettingsArgument(args) is { } change ? new ChatCommand.Settings(change) : Invalid(name, Usage.Settings),
            "report" => args.Length == 0 ? new ChatCommand.Report(null) : Year(args) is { } y ? new ChatCommand.Report(y) : Invalid(name, Usage.Report),
            "rollover" => args.Length == 0 ? new ChatCommand.Rollover(null) : Year(args) is { } y ? new ChatCommand.Rollover(y) : Invalid(name, Usage.Rollover),
            "web" => args.Length == 0 ? new ChatCommand.Web(false)
                : args.ToLowerInvariant() is "logout" or "выход" or "выйти" ? new ChatCommand.Web(true) : Invalid(name, Usage.Web),
            "calendar" => args.Length == 0 ? new ChatCommand.Calendar(false)
                : args.ToLowerInvariant() is "new" or "новая" or "новый" ? new ChatCommand.Calendar(true) : Invalid(name, Usage.Calendar),
            "invite" => Invite(args) is { } invite ? invite : Invalid(name, Usage.Invite),
            "email" => Code().IsMatch(args) ? new ChatCommand.Email(null, args)
                : LooksLikeAddress(args) ? new ChatCommand.Email(args, null) : Invalid(name, Usage.Email),
            _ => new ChatCommand.Unknown(name),
        };
    }

    /// <summary>«9», «9:30», «сводка»/«weekly», «ежедневно»/«daily», «сброс»/«reset».</summary>
    private static SettingsChange? SettingsArgument(string args)
    {
        var word = args.Trim().ToLowerInvariant();
        if (word is "сводка" or "неделя" or "weekly") return new SettingsChange.WeeklySummary(true);
        if (word is "ежедневно" or "daily") return new SettingsChange.WeeklySummary(false);
        if (word is "сброс" or "reset") return new SettingsChange.Reset();
        if (word.Length <= 2 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23)
            return new SettingsChange.ReminderHour(new TimeOnly(hour, 0));
        return TimeOnly.TryParseExact(word, "H:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? new SettingsChange.ReminderHour(time) : null;
    }

    /// <summary>A plan year, 2000–2100.</summary>
    private static int? Year(string args) =>
        args.Length == 4 && int.TryParse(args, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
        && year is >= 2000 and <= 2100 ? year : null;

    private static ChatCommand.Invalid Invalid(string name, string usage) => new(name, usage);

    /// <summary>«Комитет по образованию», or «Комитет по образованию ivanova@school5.ru»: an address comes last.</summary>
    private static ChatCommand.Invite? Invite(string args)
    {
        if (args.Length == 0) return null;
        var last = args.LastIndexOfAny([' ', '\t', '\n']);
        var tail = args[(last + 1)..];
        if (!LooksLikeAddress(tail)) return new ChatCommand.Invite(args);
        var party = last < 0 ? "" : args[..last].Trim();
        return party.Length > 0 ? new ChatCommand.Invite(party, tail) : null;
    }

    /// <summary>One word with an «@» inside it; the channel checks it is a real address.</summary>
    private static bool LooksLikeAddress(string text) =>
        text.Length is > 2 and <= 254 && text.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);

    /// <summary>The item number that starts the arguments («4», «4.», «2.1»).</summary>
    private static string? ItemNumber(string args)
    {
        var m = Number().Match(args);
        return m.Success ? m.Groups["n"].Value.TrimEnd('.') : null;
    }

    private static string Rest(string args)
    {
        var m = Number().Match(args);
        return m.Success ? args[m.Length..].Trim() : args;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^/(?<name>[A-Za-z_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(?<args>.*))?$", RegexOptions.Singleline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^[0-9]{6}$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^(?<t>\d{1,2}:\d{2})\s+(?<place>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex MeetingTime();

    [GeneratedRegex(@"^п?\.?\s*(?<n>\d{1,3}(?:\.\d{1,3}){0,3}\.?)(?=\s|$)")]
    private static partial Regex Number();
}
