namespace NokoBot.Domain.Plans;

/// <summary>One item's row (or rows, when Word carried it over a page break): its number, section and cells by role.</summary>
internal sealed record ItemRow(string Number, string? Section, Dictionary<PlanColumn, string> Cells);

/// <summary>
/// Reads a plan's body rows, by the columns a <see cref="PlanLayout"/> found, into item rows and sections. Every
/// non-empty row becomes an item, a section, the rest of the item above it, or a warning that quotes it.
/// </summary>
/// <remarks>
/// A row with one filled cell is a section heading, except a bare item number (an item with nothing else) and an
/// action cell numbered on from the items above it («4. Отчёт совета» after «3. …», where a heading would be «II. …»
/// or «2.» above «2.1»); a cell that spans the table is always a section.
/// </remarks>
internal sealed class ItemRowReader
{
    private readonly PlanLayout _layout;
    private readonly int _width;
    private readonly int _action;
    private readonly List<string> _warnings;
    private readonly List<ItemRow> _rows = [];
    private string? _section;

    /// <summary>The section row read last while no item has followed it yet.</summary>
    private IReadOnlyList<string>? _emptySection;

    private ItemRowReader(PlanLayout layout, int width, List<string> warnings)
    {
        _layout = layout;
        _width = width;
        _action = layout.Of(PlanColumn.Action)!.Column - 1;
        _warnings = warnings;
    }

    public static List<ItemRow> Read(IReadOnlyList<IReadOnlyList<string>> body, PlanLayout layout, int width, List<string> warnings)
    {
        var reader = new ItemRowReader(layout, width, warnings);
        var numbers = layout.Numbering == ItemNumbering.ActionCell ? ActionNumbers.Of(body, reader._action) : null;
        for (var i = 0; i < body.Count; i++)
        {
            switch (layout.Numbering)
            {
                case ItemNumbering.Column: reader.NumberedByColumn(body[i]); break;
                case ItemNumbering.ActionCell: reader.NumberedInAction(body[i], numbers!, i); break;
                default: reader.InOrder(body[i]); break;
            }
        }
        reader.EndSection();
        if (layout.Numbering == ItemNumbering.InOrder && reader._rows.Count > 0)
            warnings.Add($"Пункты плана не пронумерованы: им даны номера по порядку, с 1 по {reader._rows.Count}.");
        return reader._rows;
    }

    private void NumberedByColumn(IReadOnlyList<string> row)
    {
        var number = Cell(row, _layout.Of(PlanColumn.Number)!.Column - 1).Trim();
        if (Filled(row) is [var only] && !PlanPatterns.IsItemNumber(only.Text.Trim()))
        {
            StartSection(row, only.Text);
            return;
        }
        if (number.Length == 0 && _rows.Count > 0)
        {
            GoesOn(Cells(row));
            return;
        }
        if (!PlanPatterns.IsItemNumber(number))
        {
            Skipped(row);
            return;
        }
        Add(new ItemRow(PlanPatterns.CleanNumber(number), _section, Cells(row)));
    }

    private void NumberedInAction(IReadOnlyList<string> row, ActionNumbers numbers, int index)
    {
        var filled = Filled(row);
        var numbered = PlanPatterns.TryLeadingNumber(Cell(row, _action), out var number, out var rest);
        if (filled is [var only] && (IsSpanning(row) || only.Index != _action || !numbered || !numbers.GoesOnAt(index)))
        {
            StartSection(row, only.Text);
            return;
        }
        var cells = Cells(row);
        if (!numbered)
        {
            if (_rows.Count > 0) GoesOn(cells);
            else Skipped(row);
            return;
        }
        cells[PlanColumn.Action] = rest;
        Add(new ItemRow(number, _section, cells));
    }

    private void InOrder(IReadOnlyList<string> row)
    {
        if (Filled(row) is [var only])
        {
            StartSection(row, only.Text);
            return;
        }
        Add(new ItemRow((_rows.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), _section, Cells(row)));
    }

    private void Add(ItemRow item)
    {
        _rows.Add(item);
        _emptySection = null;
    }

    private void StartSection(IReadOnlyList<string> row, string text)
    {
        EndSection();
        _section = TextCleaner.Fold(text);
        _emptySection = row;
    }

    /// <summary>A section row no item follows is no item's section: the secretary is told of it rather than losing it.</summary>
    private void EndSection()
    {
        if (_emptySection is { } row)
            _warnings.Add($"Строка «{PlanTableInterpreter.Quote(row)}» прочитана как заголовок раздела, но пунктов под ней нет.");
        _emptySection = null;
    }

    /// <summary>The rest of a row that Word carried over to the next page: its cells go on the item above.</summary>
    private void GoesOn(Dictionary<PlanColumn, string> cells)
    {
        var previous = _rows[^1].Cells;
        foreach (var (column, text) in cells.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
            previous[column] = previous[column] + "\n" + text;
    }

    private void Skipped(IReadOnlyList<string> row) =>
        _warnings.Add($"Строка «{PlanTableInterpreter.Quote(row)}» не похожа на пункт плана (нет номера) и пропущена.");

    /// <summary>One cell across the whole table: how .docx and the cell-per-line text give a merged section row.</summary>
    private bool IsSpanning(IReadOnlyList<string> row) => row.Count == 1 && _width > 1;

    private Dictionary<PlanColumn, string> Cells(IReadOnlyList<string> row) =>
        _layout.Columns.Where(c => c.Role != PlanColumn.Number).ToDictionary(c => c.Role, c => Cell(row, c.Column - 1));

    private static string Cell(IReadOnlyList<string> row, int index) => index < row.Count ? row[index] : "";

    private static List<(int Index, string Text)> Filled(IReadOnlyList<string> row) =>
        [.. row.Select((text, index) => (index, text)).Where(c => !string.IsNullOrWhiteSpace(c.text))];
}
