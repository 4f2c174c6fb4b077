using System.Data.Common;
using Dapper;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;

namespace NokoBot.Storage;

public sealed class PlanStore(Database database, TimeProvider time)
{
    /// <summary>
    /// Stores a council's plan for a year in one transaction. The same file again is a no-op; a changed
    /// file updates items by number, adds new ones, and marks missing ones removed, keeping every reply.
    /// </summary>
    public async Task<PlanImportOutcome> ImportAsync(
        long councilId, int year, string sourceFile, string sha256, PlanImport import, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var outcome = await ImportAsync(connection, tx, councilId, year, sourceFile, sha256, import, ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    /// <summary>
    /// The same import inside the caller's transaction (a Telegram update commits it with its offset): it commits
    /// whole or not at all.
    /// </summary>
    public async Task<PlanImportOutcome> ImportAsync(
        DbConnection connection, DbTransaction tx, long councilId, int year, string sourceFile, string sha256, PlanImport import, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(import);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var existing = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            "SELECT id AS Id, year AS Year, source_file AS SourceFile, source_sha256 AS Sha256 FROM plans WHERE council_id = @councilId AND year = @year",
            new { councilId, year }, tx, cancellationToken: ct));
        if (existing is not null && existing.Sha256 == sha256)
            return new PlanImportOutcome(existing.Id, Unchanged: true, 0, 0, 0);

        var planId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO plans (council_id, year, source_file, source_sha256, imported_at)
            VALUES (@councilId, @year, @sourceFile, @sha256, @now)
            ON CONFLICT (council_id, year) DO UPDATE
               SET source_file = excluded.source_file, source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at
            RETURNING id
            """,
            new { councilId, year, sourceFile, sha256, now }, tx, cancellationToken: ct));

        var itemIds = (await connection.QueryAsync<(long Id, string Number)>(new CommandDefinition(
            "SELECT id, number FROM plan_items WHERE plan_id = @planId", new { planId }, tx, cancellationToken: ct)))
            .ToDictionary(r => r.Number, r => r.Id, StringComparer.Ordinal);

        int added = 0, updated = 0;
        var earlier = new List<(string Number, string Title, long Id)>();
        // A council has a handful of parties named again on every row: each is looked up once per import.
        var partyIds = new Dictionary<string, long>(StringComparer.Ordinal);
        // The same two inserts for every new row: prepared once per import, where a Dapper call prepares each time.
        await using var insertItem = Command(connection, tx, """
            INSERT INTO plan_items (plan_id, number, position, section, title, result, deadline_text, deadline_kind,
                deadline_start, deadline_end, deadline_every, deadline_due_day, deadline_following, deadline_at_least,
                deadline_windows, deadline_amount, deadline_unit, deadline_anchor, anchor_item_id)
            VALUES (@planId, @number, @position, @section, @title, @result, @text, @kind,
                @start, @end, @every, @dueDay, @following, @atLeast, @windows, @amount, @unit, @anchor, @anchorItemId)
            RETURNING id
            """);
        await using var insertLink = Command(connection, tx,
            "INSERT INTO item_parties (item_id, party_id, position) VALUES (@itemId, @partyId, @position) ON CONFLICT DO NOTHING");
        // On PostgreSQL every statement is a round trip: the new items go in one, and the party links (two thirds of a
        // plan's rows) in another.
        var links = database.Provider == StorageProvider.Postgres ? new PartyLinks() : null;
        var batch = database.Provider == StorageProvider.Postgres
            ? await NewItemBatch.ReserveAsync(connection, tx, CountNew(import, itemIds.Keys), ct)
            : null;
        for (var position = 0; position < import.Items.Count; position++)
        {
            var item = import.Items[position];
            var deadline = DeadlineColumns.From(item.Deadline);
            // «после рассмотрения результатов НОКО»: the item that reviews them dates this one when it is done.
            var anchorNumber = item.Deadline is RelativeDeadline relative
                ? AnchorMatcher.LinkedItem(relative.Anchor, earlier.Select(e => (e.Number, e.Title)))
                : null;
            long? anchorItemId = anchorNumber is null ? null : earlier.Last(e => e.Number == anchorNumber).Id;
            var isNew = !itemIds.Remove(item.Number, out var itemId);
            if (!isNew)
            {
                // An existing item anchored to a new one gathered above: that one is written first.
                if (batch is not null && anchorItemId is { } anchor && batch.Holds(anchor)) await batch.FlushAsync(connection, tx, planId, ct);
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE plan_items SET position = @position, section = @Section, title = @Title, result = @Result,
                        deadline_text = @Text, deadline_kind = @Kind, deadline_start = @Start, deadline_end = @End,
                        deadline_every = @Every, deadline_due_day = @DueDay, deadline_following = @Following,
                        deadline_at_least = @AtLeast, deadline_windows = @Windows, deadline_amount = @Amount,
                        deadline_unit = @Unit, deadline_anchor = @Anchor, anchor_item_id = @anchorItemId, removed_at = NULL
                    WHERE id = @itemId
                    """, new { position, item.Section, item.Title, item.Result, deadline.Text, deadline.Kind, deadline.Start, deadline.End,
                        deadline.Every, deadline.DueDay, deadline.Following, deadline.AtLeast, deadline.Windows, deadline.Amount,
                        deadline.Unit, deadline.Anchor, anchorItemId, itemId },
                    tx, cancellationToken: ct));
                updated++;
            }
            else if (batch is not null)
            {
                itemId = batch.Add(item, position, deadline, anchorItemId);
                added++;
            }
            else
            {
                Bind(insertItem,
                    ("@planId", planId), ("@number", item.Number), ("@position", position), ("@section", item.Section), ("@title", item.Title),
                    ("@result", item.Result), ("@text", deadline.Text), ("@kind", deadline.Kind), ("@start", deadline.Start), ("@end", deadline.End),
                    ("@every", deadline.Every), ("@dueDay", deadline.DueDay), ("@following", deadline.Following), ("@atLeast", deadline.AtLeast),
                    ("@windows", deadline.Windows), ("@amount", deadline.Amount), ("@unit", deadline.Unit),
                    ("@anchor", deadline.Anchor), ("@anchorItemId", anchorItemId));
                itemId = (long)(await insertItem.ExecuteScalarAsync(ct))!;
                added++;
            }
            await LinkPartiesAsync(connection, tx, insertLink, links, councilId, itemId, isNew, item.Responsible, partyIds, ct);
            earlier.Add((item.Number, item.Title, itemId));
        }
        if (batch is not null) await batch.FlushAsync(connection, tx, planId, ct);
        if (links is { Items.Count: > 0 })
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO item_parties (item_id, party_id, position)
                SELECT * FROM unnest(@Items, @Parties, @Positions) ON CONFLICT DO NOTHING
                """, new { Items = links.Items.ToArray(), Parties = links.Parties.ToArray(), Positions = links.Positions.ToArray() }, tx, cancellationToken: ct));

        var removed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE plan_items SET removed_at = @now WHERE {database.Provider.In("id", "ids")} AND removed_at IS NULL",
            new { now, ids = itemIds.Values.ToArray() }, tx, cancellationToken: ct));
        return new PlanImportOutcome(planId, Unchanged: false, added, updated, removed);
    }

    /// <summary>How many of the import's items are new: those whose number the plan does not have (a repeated number is new again).</summary>
    private static int CountNew(PlanImport import, IEnumerable<string> existing)
    {
        var remaining = new HashSet<string>(existing, StringComparer.Ordinal);
        return import.Items.Count(item => !remaining.Remove(item.Number));
    }

    /// <summary>Party links gathered for one statement at the end of the import (PostgreSQL).</summary>
    private sealed class PartyLinks
    {
        public List<long> Items { get; } = [];
        public List<long> Parties { get; } = [];
        public List<long> Positions { get; } = [];
    }

    /// <param name="links">Where to gather the links instead of inserting each (null: each inserted now).</param>
    private static async Task LinkPartiesAsync(
        DbConnection connection, DbTransaction tx, DbCommand insertLink, PartyLinks? links, long councilId, long itemId, bool isNew,
        IReadOnlyList<string> parties, Dictionary<string, long> partyIds, CancellationToken ct)
    {
        if (!isNew)
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM item_parties WHERE item_id = @itemId", new { itemId }, tx, cancellationToken: ct));
        for (var position = 0; position < parties.Count; position++)
        {
            var name = parties[position];
            if (!partyIds.TryGetValue(name, out var partyId))
            {
                partyId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO parties (council_id, name) VALUES (@councilId, @name)
                    ON CONFLICT (council_id, name) DO UPDATE SET name = excluded.name
                    RETURNING id
                    """, new { councilId, name }, tx, cancellationToken: ct));
                partyIds[name] = partyId;
            }
            if (links is not null)
            {
                links.Items.Add(itemId);
                links.Parties.Add(partyId);
                links.Positions.Add(position);
                continue;
            }
            Bind(insertLink, ("@itemId", itemId), ("@partyId", partyId), ("@position", position));
            await insertLink.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Sets a reused command's parameters (creating them on first use); null is SQL NULL.</summary>
    private static void Bind(DbCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (!command.Parameters.Contains(name))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }

    /// <summary>Sets (or clears) the date the secretary gave an item.</summary>
    public async Task SetDueAsync(long itemId, DateOnly? due, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SetDueAsync(connection, null, itemId, due, ct);
    }

    public static Task SetDueAsync(DbConnection connection, DbTransaction? tx, long itemId, DateOnly? due, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plan_items SET due_override = @due WHERE id = @itemId",
            new { itemId, due = due is { } d ? DeadlineColumns.Format(d) : null }, tx, cancellationToken: ct));

    /// <summary>The council's plan for <paramref name="year"/>, or its latest plan when year is null.</summary>
    public async Task<StoredPlan?> FindAsync(long councilId, int? year, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var p = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            """
            SELECT id AS Id, year AS Year, source_file AS SourceFile, source_sha256 AS Sha256 FROM plans
            WHERE council_id = @councilId AND (@year IS NULL OR year = @year)
            ORDER BY year DESC LIMIT 1
            """, new { councilId, year }, cancellationToken: ct));
        if (p is null) return null;

        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            """
            SELECT id AS Id, number AS Number, section AS Section, title AS Title, result AS Result,
                   deadline_text AS Text, deadline_kind AS Kind, deadline_start AS Start, deadline_end AS End,
                   deadline_every AS Every, deadline_due_day AS DueDay, deadline_following AS Following,
                   deadline_at_least AS AtLeast, deadline_windows AS Windows, deadline_amount AS Amount,
                   deadline_unit AS Unit, deadline_anchor AS Anchor, due_override AS DueOverride, anchor_item_id AS AnchorItemId
            FROM plan_items WHERE plan_id = @planId AND removed_at IS NULL ORDER BY position
            """, new { planId = p.Id }, cancellationToken: ct));
        var parties = (await connection.QueryAsync<(long ItemId, string Name)>(new CommandDefinition(
            """
            SELECT ip.item_id, pa.name FROM item_parties ip JOIN parties pa ON pa.id = ip.party_id
            JOIN plan_items i ON i.id = ip.item_id WHERE i.plan_id = @planId ORDER BY ip.item_id, ip.position
            """, new { planId = p.Id }, cancellationToken: ct)))
            .ToLookup(r => r.ItemId, r => r.Name);
        var unlinked = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT pa.name FROM parties pa
            JOIN item_parties ip ON ip.party_id = pa.id JOIN plan_items i ON i.id = ip.item_id
            WHERE i.plan_id = @planId AND i.removed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM member_parties mp WHERE mp.party_id = pa.id)
            ORDER BY pa.name
            """, new { planId = p.Id }, cancellationToken: ct));

        var items = rows.Select(r => new StoredPlanItem(
            r.Id, r.Number, r.Section, r.Title, [.. parties[r.Id]], r.ToDeadline(), r.Result,
            r.DueOverride is null ? null : DeadlineColumns.Parse(r.DueOverride), r.AnchorItemId)).ToList();
        return new StoredPlan(p.Id, (int)p.Year, p.SourceFile, p.Sha256, items, [.. unlinked]);
    }

    private sealed record PlanRow(long Id, long Year, string SourceFile, string Sha256);

    private sealed class ItemRow : DeadlineColumns
    {
        public long Id { get; set; }
        public string Number { get; set; } = "";
        public string? Section { get; set; }
        public string Title { get; set; } = "";
        public string Result { get; set; } = "";
        public string? DueOverride { get; set; }
        public long? AnchorItemId { get; set; }
    }
}
