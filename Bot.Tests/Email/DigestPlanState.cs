using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Storage;

namespace NokoBot.Tests.Email;

/// <summary>
/// A prepared plan state for Monday 01.06.2020 (Moscow), built from domain records (not the seed files):
/// 1 overdue and awaiting its protocol, 2 and 7 due soon (7 dated by an event), 3 done this week,
/// 4 postponed this week, 5 far ahead, 6 done without its protocol.
/// </summary>
internal static class DigestPlanState
{
    public const string Council = "Общественный совет";
    public const string Committee = "Комитет по образованию";
    public static readonly DateOnly Today = new(2020, 6, 1);

    private static PlanItem Item(string number, string title, Deadline deadline, string result, params string[] parties) =>
        new(number, null, title, parties, deadline.Text, deadline, result);

    public static readonly PlanImport Plan = new(
    [
        Item("1", "Обсуждение плана мероприятий", new WindowDeadline("январь - март", new(2020, 1, 1), new(2020, 3, 31)), "протокол заседания", Council),
        Item("2", "Мониторинг сайтов ОО", new DateDeadline("до 10 июня", new(2020, 6, 10)), "аналитическая справка", Committee),
        Item("3", "Сбор предложений", new WindowDeadline("май", new(2020, 5, 1), new(2020, 5, 31)), "перечень", Committee),
        Item("4", "Разработка технического задания", new DateDeadline("до 20 мая", new(2020, 5, 20)), "техническое задание", Committee),
        Item("5", "Подведение итогов", new WindowDeadline("сентябрь - декабрь", new(2020, 9, 1), new(2020, 12, 31)), "отчёт", Council),
        Item("6", "Утверждение перечня организаций", new DateDeadline("до 15 мая", new(2020, 5, 15)), "протокол заседания", Council, Committee),
        Item("7", "Размещение результатов на сайте", new RelativeDeadline("в течение 10 дней со дня поступления информации о результатах НОКО", 10, RelativeUnit.Days, "поступления информации о результатах НОКО"), "информация на сайте", Committee),
    ], []);

    private static DateTimeOffset Msk(int month, int day, int hour = 12) => new(2020, month, day, hour, 0, 0, TimeSpan.FromHours(3));

    public static async Task<StoredPlan> StoreAsync(Database database, TimeProvider time, long councilId, CancellationToken ct, bool full = true)
    {
        var import = full ? Plan : new PlanImport([Plan.Items[4]], []);
        await new PlanStore(database, time).ImportAsync(councilId, 2020, "plan.txt", full ? "sha-full" : "sha-quiet", import, ct);
        var plan = (await new PlanStore(database, time).FindAsync(councilId, 2020, ct))!;
        if (!full) return plan;
        long Id(string number) => plan.Items.Single(i => i.Number == number).Id;
        var replies = new ReplyStore(database);
        await replies.AppendAsync(new Reply(Id("3"), ReplyKind.Done, Msk(5, 28), Committee, Comment: "собрано 12 предложений"), ct);
        await replies.AppendAsync(new Reply(Id("4"), ReplyKind.Postponed, Msk(5, 29), Committee, NewDate: new(2020, 6, 30), Comment: "ждём оператора"), ct);
        await replies.AppendAsync(new Reply(Id("6"), ReplyKind.Done, Msk(5, 14), Council), ct);
        await replies.AppendAsync(new Reply(Id("6"), ReplyKind.Done, Msk(5, 16), Committee), ct);
        await using var connection = await database.OpenAsync(ct);
        await Dapper.SqlMapper.ExecuteAsync(connection, new Dapper.CommandDefinition(
            "INSERT INTO events (council_id, name, occurred_on, created_at) VALUES (@councilId, 'поступление информации о результатах НОКО', '2020-05-25', 0)",
            new { councilId }, cancellationToken: ct));
        return plan;
    }
}
