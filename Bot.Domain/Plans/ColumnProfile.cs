using NokoBot.Domain.Deadlines;

namespace NokoBot.Domain.Plans;

/// <summary>
/// What the cells of one column hold, counted over a plan's item rows: item numbers, deadlines the parser reads,
/// party names, and other text (with how many words it runs to).
/// </summary>
internal sealed record ColumnProfile(int Index, int Rows, int Filled, int Numbers, int Deadlines, int Parties, int Texts, int Words)
{
    /// <summary>Longer text is an action, not a deadline (the seeds' longest deadline has 68 characters); the parser is spared it.</summary>
    private const int MaxDeadline = 120;

    public static ColumnProfile Of(IEnumerable<IReadOnlyList<string>> rows, int index, int planYear)
    {
        int count = 0, filled = 0, numbers = 0, deadlines = 0, parties = 0, texts = 0, words = 0;
        foreach (var row in rows)
        {
            count++;
            var text = index < row.Count ? TextCleaner.Collapse(row[index]) : "";
            if (text.Length == 0) continue;
            filled++;
            if (PlanPatterns.IsItemNumber(text)) numbers++;
            else if (text.Length <= MaxDeadline && RussianDeadlineParser.Parse(text, planYear) is not UnknownDeadline) deadlines++;
            else
            {
                texts++;
                words += text.Split(' ').Count(w => w.Any(char.IsLetter));
                if (LooksLikeParties(row[index])) parties++;
            }
        }
        return new ColumnProfile(index, count, filled, numbers, deadlines, parties, texts, words);
    }

    /// <summary>The share of the rows that have this column filled.</summary>
    public double Fill => Rows == 0 ? 0 : (double)Filled / Rows;

    /// <summary>The share of the filled cells that are <paramref name="count"/>.</summary>
    public double Share(int count) => Filled == 0 ? 0 : (double)count / Filled;

    /// <summary>Words in a text cell, on average.</summary>
    public double AverageWords => Texts == 0 ? 0 : (double)Words / Texts;

    /// <summary>Text that is not a party: what a result column holds.</summary>
    public int Phrases => Texts - Parties;

    /// <summary>Every name in the cell is short and without digits, and one begins like a party.</summary>
    private static bool LooksLikeParties(string cell)
    {
        var names = PartySplitter.Split(cell);
        return names.Count > 0
            && names.All(n => n.Split(' ').Length <= 8 && !n.Any(char.IsDigit))
            && names.Any(PartyWords.BeginsParty);
    }
}
