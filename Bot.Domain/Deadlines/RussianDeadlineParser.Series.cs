namespace NokoBot.Domain.Deadlines;

/// <summary>
/// Lists: «март, июнь, сентябрь, декабрь», «май и октябрь», «I и III кварталы», «15.03, 15.06, 15.09», «январь - март;
/// июль - сентябрь», months one per line of the cell. Each part reads as it would alone; what is written once for the
/// whole list holds for every part before it — the preposition in front («до 15.03, 15.06»), the year at the end
/// («март, июнь 2021 г.»), the unit after the last number («I и III кварталы», «15 и 30 марта»).
/// </summary>
public static partial class RussianDeadlineParser
{
    /// <summary>No plan has more deadlines in one cell; more is not a list of deadlines.</summary>
    private const int MaxWindows = 60;

    /// <summary>Words without commas tried as a list one per line: a year's months and a little more.</summary>
    private const int MaxLineWords = 30;

    /// <returns>The windows in order; null unless there are at least two, every part reads and none overlaps another.</returns>
    private static List<DeadlineWindow>? Series(string body, Mode mode, int planYear)
    {
        // Months one per line may sit inside a list too: «февраль\nмарт и май» is three parts.
        var parts = ListSplit().Split(body).Where(p => p.Length > 0)
            .SelectMany(p => Single(p, mode, planYear) is null && LineParts(p, mode, planYear) is { Count: > 1 } lines ? lines : [p])
            .ToList();
        if (parts.Count is < 2 or > MaxWindows) return null;

        var windows = new DeadlineWindow[parts.Count];
        int? year = null;
        var unit = "";
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var (partMode, part) = Led(Prefix().Replace(parts[i], ""), mode);
            var window = Single(part, partMode, year ?? planYear)
                ?? (unit.Length > 0 ? Single(part + " " + unit, partMode, year ?? planYear) : null);
            if (window is not { } w) return null;
            windows[i] = w;
            if (YearIn(part) is { } named) year = named;
            if (part.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space) unit = part[(space + 1)..];
        }
        return Ordered(windows);
    }

    /// <summary>«март июнь сентябрь»: the longest runs of words that each read as one period (a bare year is not one).</summary>
    private static List<string> LineParts(string body, Mode mode, int planYear)
    {
        var words = body.Split(' ');
        if (words.Length > MaxLineWords) return [];
        var parts = new List<string>();
        for (var i = 0; i < words.Length;)
        {
            var j = words.Length;
            while (j > i && !IsLinePart(string.Join(' ', words[i..j]), mode, planYear)) j--;
            if (j == i) return [];
            parts.Add(string.Join(' ', words[i..j]));
            i = j;
        }
        return parts;
    }

    private static bool IsLinePart(string part, Mode mode, int planYear) =>
        !(WholeYear().Match(part) is { Success: true } year && year.Length == part.Length) && Single(part, mode, planYear) is not null;

    private static List<DeadlineWindow>? Ordered(IEnumerable<DeadlineWindow> windows)
    {
        var ordered = windows.OrderBy(w => w.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].Start <= ordered[i - 1].End) return null;
        return ordered;
    }
}
