namespace NokoBot.Domain.Plans;

/// <summary>
/// Decides which column holds what. The secretary's word comes first, then header words; the columns whose header
/// says nothing are scored by what their cells hold (item numbers, deadlines the parser reads, party names, long
/// sentences, other text) and the assignment of the remaining roles with the best total score wins. Where the items'
/// numbers are follows: a «№» column, else the action cells when most of them open with a number, else none.
/// </summary>
internal static class ColumnAssigner
{
    /// <summary>A column takes a role by its content only with at least this score (0–1).</summary>
    private const double Enough = 0.5;

    /// <summary>How many of the best columns per role the search tries.</summary>
    private const int Candidates = 4;

    /// <param name="overrides">Role → column counted from 1, 0 for "the table has none".</param>
    public static PlanLayout Assign(
        IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> body, int planYear, IReadOnlyDictionary<PlanColumn, int>? overrides)
    {
        var width = Math.Max(header.Count, body.Select(r => r.Count).DefaultIfEmpty(0).Max());
        // Item rows: a row with one filled cell is a section (or an item with nothing but its action) and says little.
        var items = body.Where(r => r.Count(c => !string.IsNullOrWhiteSpace(c)) >= 2).ToList();
        string HeaderOf(int index) => index < header.Count ? TextCleaner.Fold(header[index]) : "";

        var choices = new List<ColumnChoice>();
        var decided = new HashSet<PlanColumn>();
        var taken = new HashSet<int>();
        foreach (var (role, column) in overrides ?? new Dictionary<PlanColumn, int>())
        {
            decided.Add(role);
            if (column == 0) continue;
            if (column < 0 || column > width)
                throw new PlanFormatException($"Колонки {column} в таблице плана нет: последняя колонка — {width}-я.");
            if (!taken.Add(column - 1)) throw new ArgumentException($"Column {column} is given two roles.", nameof(overrides));
            choices.Add(new ColumnChoice(role, column, ColumnFoundBy.Override, HeaderOf(column - 1)));
        }

        var named = new HashSet<int>();
        for (var i = 0; i < header.Count; i++)
        {
            var role = HeaderWords.Classify(header[i]);
            if (role is null && !HeaderWords.IsExtra(header[i])) continue;
            named.Add(i);
            if (role is not { } known || taken.Contains(i) || !decided.Add(known)) continue;
            taken.Add(i);
            choices.Add(new ColumnChoice(known, i + 1, ColumnFoundBy.Header, HeaderOf(i)));
        }

        var open = PlanColumnNames.All.Where(r => !decided.Contains(r)).ToList();
        // Only the columns left to decide are read cell by cell (the deadline parser is the costly part).
        var free = open.Count == 0 ? [] : Enumerable.Range(0, width)
            .Where(i => !taken.Contains(i) && !named.Contains(i))
            .Select(i => ColumnProfile.Of(items, i, planYear)).ToList();
        choices.AddRange(BestByContent(open, free).Select(pick => ByContent(pick.Role, pick.Profile, HeaderOf(pick.Profile.Index))));

        var unused = Enumerable.Range(0, width)
            .Where(i => choices.All(c => c.Column != i + 1) && items.Any(r => i < r.Count && !string.IsNullOrWhiteSpace(r[i])))
            .Select(i => i + 1).ToList();
        return new PlanLayout([.. choices.OrderBy(c => c.Role)], Numbering(choices, items), [.. header.Select(TextCleaner.Fold)], unused);
    }

    private static ItemNumbering Numbering(List<ColumnChoice> choices, List<IReadOnlyList<string>> items)
    {
        if (choices.Any(c => c.Role == PlanColumn.Number)) return ItemNumbering.Column;
        if (choices.FirstOrDefault(c => c.Role == PlanColumn.Action) is not { } action || items.Count == 0) return ItemNumbering.InOrder;
        var numbered = items.Count(r => action.Column <= r.Count && PlanPatterns.TryLeadingNumber(r[action.Column - 1], out _, out _));
        return numbered * 2 >= items.Count ? ItemNumbering.ActionCell : ItemNumbering.InOrder;
    }

    /// <summary>Every way to give the open roles distinct columns among each role's best candidates; the highest total score wins.</summary>
    private static List<(PlanColumn Role, ColumnProfile Profile)> BestByContent(List<PlanColumn> roles, List<ColumnProfile> columns)
    {
        var longest = columns.Select(c => c.AverageWords).DefaultIfEmpty(0).Max();
        var candidates = roles.Select(role => columns
            .Select(c => (Profile: c, Score: Score(role, c, longest)))
            .Where(c => c.Score >= Enough)
            .OrderByDescending(c => c.Score)
            .Take(Candidates)
            .ToList()).ToList();

        var best = new List<(PlanColumn, ColumnProfile)>();
        var bestScore = 0.0;
        var current = new List<(PlanColumn, ColumnProfile)>();
        void Search(int role, double score)
        {
            if (role == roles.Count)
            {
                if (score > bestScore) (best, bestScore) = ([.. current], score);
                return;
            }
            foreach (var (profile, value) in candidates[role])
            {
                if (current.Any(c => c.Item2.Index == profile.Index)) continue;
                current.Add((roles[role], profile));
                Search(role + 1, score + value);
                current.RemoveAt(current.Count - 1);
            }
            Search(role + 1, score);
        }
        Search(0, 0);
        return best;
    }

    /// <summary>How well a column's cells fit a role, 0–1.</summary>
    private static double Score(PlanColumn role, ColumnProfile column, double longest) => role switch
    {
        PlanColumn.Number => column.Fill >= 0.5 ? column.Share(column.Numbers) : 0,
        PlanColumn.Deadline => column.Fill >= 0.3 ? column.Share(column.Deadlines) : 0,
        PlanColumn.Responsible => column.Fill >= 0.3 ? column.Share(column.Parties) : 0,
        // Any text can be the action; the longer a column's sentences, the likelier.
        PlanColumn.Action => column.Fill >= 0.5 && longest > 0 ? column.Share(column.Texts) * (0.5 + 0.5 * column.AverageWords / longest) : 0,
        _ => column.Fill >= 0.3 ? 0.8 * column.Share(column.Phrases) : 0,
    };

    private static ColumnChoice ByContent(PlanColumn role, ColumnProfile column, string header)
    {
        var (sign, matching) = role switch
        {
            PlanColumn.Number => (ContentSign.Numbers, column.Numbers),
            PlanColumn.Deadline => (ContentSign.Deadlines, column.Deadlines),
            PlanColumn.Responsible => (ContentSign.Parties, column.Parties),
            PlanColumn.Action => (ContentSign.Actions, column.Texts),
            _ => (ContentSign.Phrases, column.Phrases),
        };
        return new ColumnChoice(role, column.Index + 1, ColumnFoundBy.Content, header, sign, matching, column.Filled);
    }
}
