using System.Text.Json;
using Dapper;
using NokoBot.Tests.Fakes;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

/// <summary><c>nokobot member add|list|remove</c>: members reached by email.</summary>
public abstract class MemberCommandsTests(TestStorage storage) : IDisposable
{
    private TempDatabase _db = null!;

    private async Task<CliRunner.Result> RunAsync(params string[] args) => await CliRunner.RunAsync(_db.Settings, [.. args, "--db", _db.Path]);

    private async Task SeedAsync()
    {
        _db = await storage.CreateEmptyAsync(TestContext.Current.CancellationToken);
        await RunAsync("council", "add", "--name", "Общественный совет г. Десногорск", "--slug", "desnogorsk", "--tz", "Europe/Moscow");
        await RunAsync("plan", "import", RepoPaths.Of("config", "plans", "desnogorsk-2020.txt"), "--council", "desnogorsk", "--year", "2020");
    }

    [Fact]
    public async Task A_member_added_by_email_is_listed_lower_cased_and_gets_a_welcome_letter_in_the_outbox()
    {
        await SeedAsync();

        var add = await RunAsync("member", "add", "--council", "desnogorsk", "--party", "комитет по образованию", "--email", "Ivanova@School5.RU",
            "--name", "Иванова Мария Ивановна");
        var list = await RunAsync("member", "list", "--council", "desnogorsk", "--json");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Иванова Мария Ивановна", add.Out, StringComparison.Ordinal);
        // No SMTP in this command's configuration: the service sends it.
        Assert.Contains("в очереди", add.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(list.Out);
        var member = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("ivanova@school5.ru", member.GetProperty("email").GetString());
        Assert.Equal("working", member.GetProperty("emailState").GetString());
        Assert.Equal("member", member.GetProperty("role").GetString());
        Assert.Equal(["Комитет по образованию"], member.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(JsonValueKind.Null, member.GetProperty("telegram").ValueKind);
        await using var connection = await _db.Database.OpenAsync(TestContext.Current.CancellationToken);
        var welcome = await connection.QuerySingleAsync<(string Kind, string Channel, string Status, long MemberId)>(
            "SELECT kind, channel, status, member_id FROM deliveries");
        Assert.Equal(("welcome", "email", "pending", member.GetProperty("id").GetInt64()), welcome);
    }

    [Theory]
    [InlineData("not-an-address", "не адрес")]
    [InlineData("Иванова <ivanova@school5.ru>", "не адрес")]
    [InlineData("a@b", "не адрес")]
    public async Task What_is_not_one_address_is_refused(string address, string said)
    {
        await SeedAsync();

        var add = await RunAsync("member", "add", "--council", "desnogorsk", "--party", "Общественный совет", "--email", address);

        Assert.Equal(1, add.ExitCode);
        Assert.Contains(said, add.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_is_one_member_s_per_council_whatever_its_case()
    {
        await SeedAsync();
        await RunAsync("member", "add", "--council", "desnogorsk", "--party", "Общественный совет", "--email", "chair@example.org", "--name", "Петров");

        var again = await RunAsync("member", "add", "--council", "desnogorsk", "--party", "Комитет по образованию", "--email", "CHAIR@example.org");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("уже указан у участника «Петров»", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_the_plan_does_not_have_is_refused_and_a_plain_member_needs_one()
    {
        await SeedAsync();

        var unknown = await RunAsync("member", "add", "--council", "desnogorsk", "--party", "Министерство магии", "--email", "a@example.org");
        var none = await RunAsync("member", "add", "--council", "desnogorsk", "--email", "a@example.org");
        var secretary = await RunAsync("member", "add", "--council", "desnogorsk", "--email", "secretary@example.org", "--role", "secretary", "--name", "Секретарь");

        Assert.Equal((1, 1, 0), (unknown.ExitCode, none.ExitCode, secretary.ExitCode));
        Assert.Contains("нет ответственного «Министерство магии»", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("--party", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_member_is_no_longer_listed_and_cannot_be_removed_twice()
    {
        await SeedAsync();
        await RunAsync("member", "add", "--council", "desnogorsk", "--party", "Общественный совет", "--email", "chair@example.org", "--name", "Петров");
        await RunAsync("member", "add", "--council", "desnogorsk", "--party", "Комитет по образованию", "--email", "kom@example.org", "--name", "Комитет");

        var removed = await RunAsync("member", "remove", "--council", "desnogorsk", "--email", "Chair@Example.org");
        var again = await RunAsync("member", "remove", "--council", "desnogorsk", "--email", "chair@example.org");
        var list = await RunAsync("member", "list", "--council", "desnogorsk");

        Assert.Equal((0, 1), (removed.ExitCode, again.ExitCode));
        Assert.Contains("Петров", removed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Петров", list.Out, StringComparison.Ordinal);
        Assert.Contains("kom@example.org", list.Out, StringComparison.Ordinal);
        // The address is free again for someone else in the council.
        var readded = await RunAsync("member", "add", "--council", "desnogorsk", "--party", "Общественный совет", "--email", "chair@example.org");
        Assert.Equal(0, readded.ExitCode);
    }

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class MemberCommandsTestsOnSqlite() : MemberCommandsTests(TestStorage.Sqlite);

public sealed class MemberCommandsTestsOnPostgres(PostgresServerFixture postgres) : MemberCommandsTests(TestStorage.Postgres(postgres));
