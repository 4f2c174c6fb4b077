using System.Data.Common;
using Dapper;
using NokoBot.Domain.Plans;

namespace NokoBot.Storage;

/// <summary>
/// A plan's new items gathered for one statement (PostgreSQL, where every statement is a round trip): their ids are
/// drawn from the table's sequence up front, so the import goes on using them — as anchors, in party links — before
/// the rows are written.
/// </summary>
internal sealed class NewItemBatch
{
    private readonly Queue<long> _ids;
    private readonly HashSet<long> _pending = [];
    private readonly List<long> _positions = [];
    private readonly List<string> _numbers = [], _titles = [], _results = [], _texts = [], _kinds = [];
    private readonly List<string?> _sections = [], _starts = [], _ends = [], _everys = [], _windows = [], _units = [], _anchors = [];
    private readonly List<long?> _dueDays = [], _amounts = [], _anchorIds = [];
    private readonly List<long> _followings = [], _atLeasts = [], _itemIds = [];

    private NewItemBatch(IEnumerable<long> ids) => _ids = new Queue<long>(ids);

    /// <summary>Draws <paramref name="count"/> ids from plan_items' identity sequence in one query.</summary>
    public static async Task<NewItemBatch> ReserveAsync(DbConnection connection, DbTransaction tx, int count, CancellationToken ct) =>
        new(count == 0 ? [] : await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('plan_items', 'id')) FROM generate_series(1, @count)", new { count }, tx, cancellationToken: ct)));

    /// <summary>Whether the item with this id is gathered and not yet written.</summary>
    public bool Holds(long itemId) => _pending.Contains(itemId);

    /// <returns>The new item's id.</returns>
    public long Add(PlanItem item, int position, DeadlineColumns deadline, long? anchorItemId)
    {
        var id = _ids.Dequeue();
        _pending.Add(id);
        _itemIds.Add(id);
        _numbers.Add(item.Number);
        _positions.Add(position);
        _sections.Add(item.Section);
        _titles.Add(item.Title);
        _results.Add(item.Result);
        _texts.Add(deadline.Text);
        _kinds.Add(deadline.Kind);
        _starts.Add(deadline.Start);
        _ends.Add(deadline.End);
        _everys.Add(deadline.Every);
        _dueDays.Add(deadline.DueDay);
        _followings.Add(deadline.Following);
        _atLeasts.Add(deadline.AtLeast);
        _windows.Add(deadline.Windows);
        _amounts.Add(deadline.Amount);
        _units.Add(deadline.Unit);
        _anchors.Add(deadline.Anchor);
        _anchorIds.Add(anchorItemId);
        return id;
    }

    /// <summary>Writes what is gathered, in one statement (an anchor may name an item of the same statement).</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction tx, long planId, CancellationToken ct)
    {
        if (_itemIds.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO plan_items (id, plan_id, number, position, section, title, result, deadline_text, deadline_kind,
                deadline_start, deadline_end, deadline_every, deadline_due_day, deadline_following, deadline_at_least,
                deadline_windows, deadline_amount, deadline_unit, deadline_anchor, anchor_item_id)
            SELECT u.id, @planId, u.number, u.position, u.section, u.title, u.result, u.text, u.kind,
                u.start_day, u.end_day, u.every, u.due_day, u.following, u.at_least, u.windows, u.amount, u.unit, u.anchor, u.anchor_id
            FROM unnest(@Ids, @Numbers, @Positions, @Sections, @Titles, @Results, @Texts, @Kinds, @Starts, @Ends, @Everys,
                        @DueDays, @Followings, @AtLeasts, @Windows, @Amounts, @Units, @Anchors, @AnchorIds)
                 AS u(id, number, position, section, title, result, text, kind, start_day, end_day, every,
                      due_day, following, at_least, windows, amount, unit, anchor, anchor_id)
            """,
            new
            {
                planId, Ids = _itemIds.ToArray(), Numbers = _numbers.ToArray(), Positions = _positions.ToArray(), Sections = _sections.ToArray(),
                Titles = _titles.ToArray(), Results = _results.ToArray(), Texts = _texts.ToArray(), Kinds = _kinds.ToArray(),
                Starts = _starts.ToArray(), Ends = _ends.ToArray(), Everys = _everys.ToArray(), DueDays = _dueDays.ToArray(),
                Followings = _followings.ToArray(), AtLeasts = _atLeasts.ToArray(), Windows = _windows.ToArray(), Amounts = _amounts.ToArray(),
                Units = _units.ToArray(), Anchors = _anchors.ToArray(), AnchorIds = _anchorIds.ToArray(),
            }, tx, cancellationToken: ct));
        foreach (var list in new System.Collections.IList[]
            { _itemIds, _numbers, _positions, _sections, _titles, _results, _texts, _kinds, _starts, _ends, _everys, _dueDays,
              _followings, _atLeasts, _windows, _amounts, _units, _anchors, _anchorIds })
            list.Clear();
        _pending.Clear();
    }
}
