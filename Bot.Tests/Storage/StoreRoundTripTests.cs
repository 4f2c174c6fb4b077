using Microsoft.Extensions.Time.Testing;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Domain.Replies;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

/// <summary>
/// The stores the channels use — sign-in links and sessions, calendar feeds, Telegram's update log and invites,
/// plan drafts, email confirmations, events, replies — write and read back the same on both providers.
/// </summary>
public abstract class StoreRoundTripTests(TestStorage storage) : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2020, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    private static readonly PlanImport Plan = new(
    [
        new PlanItem("4", null, "Разработка технического задания", ["Комитет по образованию"], "июнь",
            new WindowDeadline("июнь", new(2020, 6, 1), new(2020, 6, 30)), "протокол заседания"),
    ], []);

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<(long Council, long Member)> SeedAsync()
    {
        _db = await storage.CreateMigratedAsync(_time, _ct);
        var council = await TestCouncil.AddAsync(_db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, Plan, _ct);
        var member = await TestCouncil.AddMemberAsync(_db.Database, council, "Иванова", "member", null, "ivanova@example.org", _ct, "Комитет по образованию");
        return (council, member);
    }

    [Fact]
    public async Task A_sign_in_link_opens_one_session_until_it_is_revoked()
    {
        var (council, member) = await SeedAsync();
        var sessions = new WebSessionStore(_db.Database, _time);

        var code = await sessions.CreateLinkAsync(council, member, MemberRole.Member, TimeSpan.FromMinutes(15), _ct);
        var redeemed = await sessions.RedeemLinkAsync(code, TimeSpan.FromDays(30), _ct);
        var again = await sessions.RedeemLinkAsync(code, TimeSpan.FromDays(30), _ct);
        var (token, session) = redeemed!.Value;
        var found = await sessions.FindSessionAsync(token, _ct);
        await sessions.RevokeSessionAsync(token, _ct);

        Assert.Null(again);
        Assert.Equal((council, (long?)member, MemberRole.Member), (session.CouncilId, session.MemberId, session.Role));
        Assert.Equal(session, found);
        Assert.Null(await sessions.FindSessionAsync(token, _ct));
    }

    [Fact]
    public async Task A_calendar_feed_is_found_by_its_token_renewed_and_its_events_sequenced()
    {
        var (council, member) = await SeedAsync();
        var feeds = new CalendarFeedStore(_db.Database, _time);

        var token = await feeds.GetOrCreateAsync(council, member, _ct);
        var same = await feeds.GetOrCreateAsync(council, member, _ct);
        var councils = await feeds.GetOrCreateAsync(council, null, _ct);
        var renewed = await feeds.RenewAsync(council, member, _ct);
        var first = await feeds.SequencesAsync(council, new Dictionary<string, string> { ["a"] = "1", ["b"] = "1" }, _ct);
        var second = await feeds.SequencesAsync(council, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, _ct);

        Assert.Equal(token, same);
        Assert.NotEqual(token, councils);
        Assert.Null(await feeds.FindAsync(token, _ct));
        Assert.Equal(new CalendarFeed(renewed, council, member), await feeds.FindAsync(renewed, _ct));
        Assert.Equal(new CalendarFeed(councils, council, null), await feeds.FindAsync(councils, _ct));
        Assert.Equal((0, 0), (first["a"], first["b"]));
        Assert.Equal((0, 1), (second["a"], second["b"]));
    }

    [Fact]
    public async Task An_invite_links_a_telegram_user_once_and_the_update_log_takes_an_update_once()
    {
        var (council, _) = await SeedAsync();
        var invites = new InviteStore(_db.Database, _time);
        var log = new TelegramUpdateLog(_db.Database, _time);
        var code = await invites.CreateAsync(council, "Комитет по образованию", MemberRole.Secretary, TimeSpan.FromDays(1), _ct);

        LinkedMember? linked, twice;
        bool recorded, again;
        await using (var connection = await _db.Database.OpenAsync(_ct))
        await using (var tx = await connection.BeginTransactionAsync(_ct))
        {
            linked = await invites.RedeemAsync(connection, tx, code!, 555, 555, "Петров", _ct);
            twice = await invites.RedeemAsync(connection, tx, code!, 556, 556, "Сидоров", _ct);
            recorded = await log.RecordAsync(connection, tx, 9001, _ct);
            again = await log.RecordAsync(connection, tx, 9001, _ct);
            await tx.CommitAsync(_ct);
        }
        var member = await new TelegramMembers(_db.Database).FindAsync(555, _ct);

        Assert.Null(twice);
        Assert.Equal(("Комитет по образованию", MemberRole.Secretary), (linked!.Party, linked.Role));
        Assert.Equal((linked.MemberId, "desnogorsk", MemberRole.Secretary), (member!.MemberId, member.CouncilSlug, member.Role));
        Assert.Equal(["Комитет по образованию"], member.Parties);
        Assert.True(recorded);
        Assert.False(again);
        Assert.True(await log.SeenAsync(9001, _ct));
    }

    [Fact]
    public async Task A_draft_reads_back_as_written_and_is_settled_once()
    {
        var (council, member) = await SeedAsync();
        var drafts = new PlanDraftStore(_db.Database);
        long id;
        bool settled, again;
        await using (var connection = await _db.Database.OpenAsync(_ct))
        {
            id = await PlanDraftStore.AddAsync(connection, null, council, member, 2021, DraftSource.Rollover, "plan.txt", "sha", Plan, ["4"], "base", _time.GetUtcNow(), _ct);
            await PlanDraftStore.SetKeptAsync(connection, null, id, ["4"], _ct);
            settled = await PlanDraftStore.SettleAsync(connection, null, id, imported: true, _time.GetUtcNow(), _ct);
            again = await PlanDraftStore.SettleAsync(connection, null, id, imported: false, _time.GetUtcNow(), _ct);
        }

        var draft = await drafts.FindAsync(id, _ct);

        Assert.True(settled);
        Assert.False(again);
        Assert.Equal((2021, DraftSource.Rollover, "imported", "base"), (draft!.Year, draft.Source, draft.Outcome, draft.BaseSha256));
        Assert.Equal(Plan.Items.Select(i => i.Deadline), draft.Import.Items.Select(i => i.Deadline));
        Assert.Contains("4", draft.Kept);
        Assert.Equal(1, await drafts.CountSinceAsync(member, _time.GetUtcNow().AddMinutes(-1), _ct));
    }

    [Fact]
    public async Task A_confirmation_code_an_event_and_replies_round_trip()
    {
        var (council, member) = await SeedAsync();
        var confirmations = new EmailConfirmations(_time);
        var item = (await new PlanStore(_db.Database, _time).FindAsync(council, 2020, _ct))!.Items[0].Id;
        ConfirmationResult wrong, right;
        await using (var connection = await _db.Database.OpenAsync(_ct))
        {
            await confirmations.StartAsync(connection, null, member, "New@Example.org", "123456", _ct);
            wrong = await confirmations.CheckAsync(connection, null, member, "000000", _ct);
            right = await confirmations.CheckAsync(connection, null, member, "123456", _ct);
            await new CouncilEventStore(_db.Database, _time).AddAsync(connection, null, council, "Заседание", new DateOnly(2020, 6, 15), member, _ct);
        }
        var replies = new ReplyStore(_db.Database);
        await replies.AppendAsync(new Reply(item, ReplyKind.Postponed, _time.GetUtcNow(), "Комитет по образованию", member, "позже", new DateOnly(2020, 7, 15)), _ct);
        await replies.AppendAsync(new Reply(item, ReplyKind.Done, _time.GetUtcNow().AddHours(1), "Комитет по образованию", member), _ct);
        await new StateStore(_db.Database, _time).SetInstantAsync("test.instant", _time.GetUtcNow(), _ct);

        Assert.IsType<ConfirmationResult.WrongCode>(wrong);
        Assert.Equal(new ConfirmationResult.Confirmed("new@example.org"), right);
        Assert.Equal([new CouncilEvent("Заседание", new DateOnly(2020, 6, 15))], await new CouncilEventStore(_db.Database, _time).ForCouncilAsync(council, _ct));
        var read = await replies.ForPlanAsync((await new PlanStore(_db.Database, _time).FindAsync(council, 2020, _ct))!.Id, _ct);
        Assert.Equal([ReplyKind.Postponed, ReplyKind.Done], read.Select(r => r.Kind));
        Assert.Equal((new DateOnly(2020, 7, 15), "позже", (long?)member), (read[0].NewDate, read[0].Comment, read[0].MemberId));
        Assert.Equal(_time.GetUtcNow(), await new StateStore(_db.Database, _time).GetInstantAsync("test.instant", _ct));
    }
}

public sealed class StoreRoundTripTestsOnSqlite() : StoreRoundTripTests(TestStorage.Sqlite);

public sealed class StoreRoundTripTestsOnPostgres(PostgresServerFixture postgres) : StoreRoundTripTests(TestStorage.Postgres(postgres));
