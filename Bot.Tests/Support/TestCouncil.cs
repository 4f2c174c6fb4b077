using NokoBot.Domain.Councils;
using NokoBot.Domain.Plans;
using NokoBot.Storage;

namespace NokoBot.Tests.Support;

/// <summary>Seeds a council with a plan and members straight into a test database.</summary>
public static class TestCouncil
{
    /// <param name="plan">null: a council with no plan yet.</param>
    public static async Task<long> AddAsync(Database db, TimeProvider time, string slug, string timeZone, int year, PlanImport? plan, CancellationToken ct)
    {
        var council = await new CouncilStore(db, time).AddAsync(slug, "Общественный совет " + slug, timeZone, ct);
        if (plan is not null) await new PlanStore(db, time).ImportAsync(council!.Id, year, slug + ".txt", "sha-" + slug, plan, ct);
        return council!.Id;
    }

    /// <returns>The member's id.</returns>
    public static Task<long> AddMemberAsync(
        Database db, long councilId, string name, string role, long? telegramChatId, string? email, CancellationToken ct, params string[] parties) =>
        new MemberDirectory(db, TimeProvider.System).AddAsync(
            councilId, name, MemberRoles.TryParse(role, out var r) ? r : throw new ArgumentException(role), telegramChatId, email, parties, ct);
}
