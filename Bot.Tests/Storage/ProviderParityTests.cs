using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Storage;

/// <summary>
/// Where the two providers' SQL differs (a list parameter, the settings JSON, a unique violation, party names in any
/// case), the stores behave the same on both.
/// </summary>
public abstract class ProviderParityTests(TestStorage storage)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TimeProvider _time = TimeProvider.System;

    [Fact]
    public async Task A_taken_slug_is_refused_as_null_not_thrown()
    {
        using var db = await storage.CreateMigratedAsync(_time, _ct);
        var councils = new CouncilStore(db.Database, _time);

        Assert.NotNull(await councils.AddAsync("desnogorsk", "Совет", "Europe/Moscow", _ct));
        Assert.Null(await councils.AddAsync("desnogorsk", "Другой совет", "Europe/Moscow", _ct));
    }

    [Fact]
    public async Task The_digest_list_and_the_public_page_switch_round_trip_and_leave_the_other_settings_alone()
    {
        using var db = await storage.CreateMigratedAsync(_time, _ct);
        var council = await TestCouncil.AddAsync(db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, null, _ct);
        var mail = new CouncilMailSettings(db.Database);
        await using (var connection = await db.Database.OpenAsync(_ct))
            await CouncilSettingsStore.SetAsync(connection, null, council, CouncilSettings.Default with { PublicPage = false }, _ct);

        await mail.SetDigestRecipientsAsync(council, ["a@example.org", "комитет@example.org"], _ct);
        await new CouncilPublicPage(db.Database).SetAsync(council, true, _ct);
        var settings = await new CouncilSnapshotStore(db.Database, null!, null!, null!, null!, null!, null!, null!, null!).SettingsAsync(council, _ct);

        Assert.Equal(["a@example.org", "комитет@example.org"], await mail.DigestRecipientsAsync(council, _ct));
        Assert.True(settings.PublicPage);
        Assert.Equal(CouncilSettings.Default.BeforeDays, settings.BeforeDays);
        Assert.Equal(CouncilSettings.Default with { PublicPage = true, BeforeDays = settings.BeforeDays }, settings);
        Assert.Empty(await new CouncilMailSettings(db.Database).DigestRecipientsAsync(
            await TestCouncil.AddAsync(db.Database, _time, "zeya", "Asia/Yakutsk", 2020, null, _ct), _ct));
    }

    [Fact]
    public async Task A_party_is_found_in_any_case_cyrillic_too()
    {
        using var db = await storage.CreateMigratedAsync(_time, _ct);
        var council = await TestCouncil.AddAsync(db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, null, _ct);
        await TestCouncil.AddMemberAsync(db.Database, council, "Иванова", "member", 101, null, _ct, "Комитет по образованию");

        Assert.Equal("Комитет по образованию", await new MemberDirectory(db.Database, _time).PartyAsync(council, "комитет ПО образованию", _ct));
        Assert.NotNull(await new InviteStore(db.Database, _time).CreateAsync(council, "комитет по образованию", MemberRole.Member, TimeSpan.FromDays(1), _ct));
        Assert.Null(await new InviteStore(db.Database, _time).CreateAsync(council, "Комитет по культуре", MemberRole.Member, TimeSpan.FromDays(1), _ct));
    }

    [Fact]
    public async Task Lists_of_ids_find_exactly_their_rows()
    {
        using var db = await storage.CreateMigratedAsync(_time, _ct);
        var council = await TestCouncil.AddAsync(db.Database, _time, "desnogorsk", "Europe/Moscow", 2020, null, _ct);
        await TestCouncil.AddMemberAsync(db.Database, council, "Петров", "member", null, "petrov@example.org", _ct);
        await TestCouncil.AddMemberAsync(db.Database, council, "Сидоров", "member", null, "sidorov@example.org", _ct);
        var letters = new InboundLetters(db.Database, _time);
        await using (var connection = await db.Database.OpenAsync(_ct))
        {
            await letters.RecordAsync(connection, null, new InboundLetter("inbox", 7, 1, "<a@x>", null, null, null, "stranger"), _ct);
            await letters.RecordAsync(connection, null, new InboundLetter("inbox", 7, 2, null, null, null, null, "stranger"), _ct);
        }

        var found = await new MemberDirectory(db.Database, _time).FindByEmailsAsync(["Petrov@example.org", "nobody@example.org"], _ct);
        var (uids, messageIds) = await letters.HandledAsync("inbox", 7, [1, 2, 3], ["<a@x>", "<b@x>"], _ct);

        Assert.Equal("Петров", Assert.Single(found["Petrov@example.org"]).Name);
        Assert.Empty(found["nobody@example.org"]);
        Assert.Equal([1u, 2u], uids.Order());
        Assert.Equal(["<a@x>"], messageIds);
    }
}

public sealed class ProviderParityTestsOnSqlite() : ProviderParityTests(TestStorage.Sqlite);

public sealed class ProviderParityTestsOnPostgres(PostgresServerFixture postgres) : ProviderParityTests(TestStorage.Postgres(postgres));
