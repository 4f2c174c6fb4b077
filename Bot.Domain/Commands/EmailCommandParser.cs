using System.Text.RegularExpressions;

namespace NokoBot.Domain.Commands;

/// <summary>
/// Reads the command of a member's letter: in its subject (without «Re:»), else in the first lines the sender wrote
/// (never in quoted text or the signature). Russian or English, any case: «Готово» / «Выполнено» / «done» [N]
/// [комментарий]; «Перенос N 15.07 причина» / «postpone N …» (the chat's date forms); «Протокол N» / «protocol N»;
/// «Отписаться» / «unsubscribe». Never throws.
/// </summary>
public static partial class EmailCommandParser
{
    /// <summary>How many of the sender's own non-empty lines are looked at: a greeting may come before the command.</summary>
    public const int LinesRead = 5;

    /// <returns>null when the letter holds no command.</returns>
    public static EmailCommand? Parse(string? subject, string? body, DateOnly today)
    {
        if (ParseLine(WithoutReplyPrefix(subject ?? ""), today) is { } fromSubject) return fromSubject;
        foreach (var line in EmailQuotes.OwnLines(body).Select(l => l.Trim()).Where(l => l.Length > 0).Take(LinesRead))
            if (ParseLine(line, today) is { } command) return command;
        return null;
    }

    /// <summary>One line that starts with a command word.</summary>
    public static EmailCommand? ParseLine(string line, DateOnly today)
    {
        var m = CommandLine().Match(line.Trim());
        if (!m.Success) return null;
        var word = m.Groups["word"].Value.ToLowerInvariant().Replace('ё', 'е');
        var args = m.Groups["args"].Value.Trim();
        return word switch
        {
            "готово" or "выполнено" or "сделано" or "done" => new EmailCommand.Done(Number(args, out var rest), NullIfEmpty(rest)),
            "протокол" or "protocol" => new EmailCommand.Protocol(Number(args, out var rest), NullIfEmpty(rest)),
            "перенос" or "перенести" or "postpone" => Postpone(args, today),
            _ when args.Length == 0 => new EmailCommand.Unsubscribe(),
            _ => null, // «stop» inside a sentence is not a request
        };
    }

    /// <summary>
    /// «4 15.07 причина» or, for the item the letter answers, «15.07 причина» («на 15.07» too); «15.07» followed by no
    /// date is a date, not item 15.07.
    /// </summary>
    private static EmailCommand Postpone(string args, DateOnly today)
    {
        if (Number(args, out var afterNumber) is { } number && TryDate(afterNumber, today, out var date, out var reason))
            return new EmailCommand.Postpone(number, date, NullIfEmpty(reason));
        return TryDate(args, today, out var to, out var why)
            ? new EmailCommand.Postpone(null, to, NullIfEmpty(why))
            : new EmailCommand.PostponeWithoutDate();
    }

    private static bool TryDate(string text, DateOnly today, out DateOnly date, out string rest) =>
        ChatDateParser.TryParseLeading(On().Replace(text, ""), today, out date, out rest);

    /// <summary>«4», «п. 4», «пункт 2.1», «№ 4» at the start; <paramref name="rest"/> is what follows it.</summary>
    private static string? Number(string args, out string rest)
    {
        var m = ItemNumber().Match(args);
        if (!m.Success)
        {
            rest = args;
            return null;
        }
        rest = args[m.Length..].TrimStart(' ', ',', '.', ':', ';', '-', '—', '–').Trim();
        return m.Groups["n"].Value;
    }

    /// <summary>«Re: », «RE[2]: », «Fwd: », «Ответ: », «Отв: » — as many as there are.</summary>
    private static string WithoutReplyPrefix(string subject)
    {
        var s = subject.Trim();
        while (ReplyPrefix().Match(s) is { Success: true } m) s = s[m.Length..].TrimStart();
        return s;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"^(?<word>готово|выполнено|сделано|done|протокол|protocol|перенос|перенести|postpone|отписаться|unsubscribe|стоп|stop)(?![\p{L}\d])[\s.,:;!—–-]*(?<args>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^(?:п\.?\s*|пункт\s+|№\s*)?(?<n>\d{1,3}(?:\.\d{1,3}){0,3})\.?(?=[\s,;:!]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^на\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex On();

    [GeneratedRegex(@"^(?:re|fw|fwd|aw|wg|ответ|отв|пересл|пересылка)\s*(?:\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();
}
