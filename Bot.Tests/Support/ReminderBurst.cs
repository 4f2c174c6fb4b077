using Dapper;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Reminders;
using NokoBot.Storage;

namespace NokoBot.Tests.Support;

/// <summary>
/// A council whose plan has no dates and a burst of reminders due now, one per member and item, written to the ledger
/// as the planner would: what the process tests (a crash, a cluster) send while they kill the service. Nothing else
/// falls due meanwhile; the plan's last item has no reminders, for the members to postpone.
/// </summary>
public static class ReminderBurst
{
    /// <param name="items">Items with a reminder for every member (0: members only, no burst).</param>
    /// <returns>The number of the plan's last item, the one members postpone.</returns>
    public static async Task<string> SeedAsync(Database db, string slug, int members, int items, long firstChat, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var time = TimeProvider.System;
        var plan = new PlanImport(
            [.. Enumerable.Range(1, items + 1).Select(i => new PlanItem(
                $"{i}", null, $"Мероприятие {i} плана НОКО", ["Общественный совет"], "", new UnscheduledDeadline(""), "протокол"))], []);
        var council = await TestCouncil.AddAsync(db, time, slug, "UTC", DateTime.UtcNow.Year, plan, ct);
        List<long> itemIds;
        await using (var connection = await db.OpenAsync(ct))
            itemIds = [.. await connection.QueryAsync<long>(new CommandDefinition("SELECT id FROM plan_items ORDER BY id", cancellationToken: ct))];
        var ledger = new DeliveryLedger(db, time);
        var now = time.GetUtcNow();
        for (var m = 0; m < members; m++)
        {
            var member = await TestCouncil.AddMemberAsync(db, council, $"Участник {m}", "member", firstChat + m, null, ct, "Общественный совет");
            foreach (var item in itemIds.Take(items))
            {
                var key = DeliveryKey.Create(DeliveryKey.ItemOccurrence(item, DateOnly.FromDateTime(now.UtcDateTime)), ReminderKind.Before,
                    $"member:{member}", Channels.Telegram);
                await ledger.EnqueueAsync(new DeliveryRequest(key, council, item, member, ReminderKind.Before, Channels.Telegram, $"member:{member}", now), ct);
            }
        }
        await new StateStore(db, time).SetInstantAsync(StateKeys.SweptUntil, now, ct);
        return $"{items + 1}";
    }
}
