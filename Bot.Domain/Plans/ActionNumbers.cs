namespace NokoBot.Domain.Plans;

/// <summary>
/// The numbers that open a plan's action cells, row by row, and what an item's number looks like there (how many
/// levels, Roman or not), to tell an item with nothing but its action («4. Отчёт совета» after «3. …») from a section
/// heading that sits in the action column («II. Оценка качества», «2. Оценка» above «2.1 …»).
/// </summary>
internal sealed class ActionNumbers
{
    private readonly string?[] _numbers;
    private readonly (int Depth, bool Roman) _itemShape;

    private ActionNumbers(string?[] numbers, (int, bool) itemShape) => (_numbers, _itemShape) = (numbers, itemShape);

    public static ActionNumbers Of(IReadOnlyList<IReadOnlyList<string>> body, int action)
    {
        var numbers = body.Select(row => action < row.Count && PlanPatterns.TryLeadingNumber(row[action], out var n, out _) ? n : null).ToArray();
        // The shape of the numbers of rows that have more than their action: those are items for sure.
        var shape = numbers
            .Where((n, i) => n is not null && body[i].Count(c => !string.IsNullOrWhiteSpace(c)) >= 2)
            .GroupBy(n => (PlanPatterns.Depth(n!), PlanPatterns.IsRoman(n!)))
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        return new ActionNumbers(numbers, shape);
    }

    /// <summary>The row's number is shaped like the items' and the next numbered row does not repeat it.</summary>
    public bool GoesOnAt(int row)
    {
        if (_numbers[row] is not { } number || (PlanPatterns.Depth(number), PlanPatterns.IsRoman(number)) != _itemShape) return false;
        var next = _numbers.Skip(row + 1).FirstOrDefault(n => n is not null);
        return next != number;
    }
}
