using System.Text.RegularExpressions;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Cli;

public sealed partial class WebCommandTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Web_link_prints_a_single_use_link_that_signs_the_administrator_in_to_that_council_in_the_role_asked()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Совет", "--slug", "zeya", "--tz", "Asia/Yakutsk", "--db", db.Path);

        var printed = await CliRunner.RunAsync("web", "link", "--council", "zeya", "--role", "chair", "--db", db.Path);

        Assert.Equal(0, printed.ExitCode);
        var code = SignInCode().Match(printed.Out).Groups["code"].Value;
        Assert.Contains("10 минут", printed.Error, StringComparison.Ordinal);
        var sessions = new WebSessionStore(db.Database, TimeProvider.System);
        var session = (await sessions.RedeemLinkAsync(code, TimeSpan.FromDays(30), _ct))!.Value.Session;
        Assert.Equal((await new CouncilStore(db.Database, TimeProvider.System).FindAsync("zeya", _ct))!.Id, session.CouncilId);
        Assert.Equal((MemberRole.Chair, (long?)null), (session.Role, session.MemberId));
        Assert.Null(await sessions.RedeemLinkAsync(code, TimeSpan.FromDays(30), _ct));
    }

    [Fact]
    public async Task Web_link_for_an_unknown_council_or_role_is_refused()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("db", "migrate", "--db", db.Path);

        var unknown = await CliRunner.RunAsync("web", "link", "--council", "nowhere", "--db", db.Path);
        var badRole = await CliRunner.RunAsync("web", "link", "--council", "nowhere", "--role", "king", "--db", db.Path);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("nowhere", unknown.Error, StringComparison.Ordinal);
        Assert.Empty(unknown.Out);
        Assert.NotEqual(0, badRole.ExitCode);
    }

    [Fact]
    public async Task Council_set_public_page_switches_the_page_and_says_where_it_is()
    {
        using var db = new TempDatabase();
        await CliRunner.RunAsync("council", "add", "--name", "Совет", "--slug", "zeya", "--tz", "Asia/Yakutsk", "--db", db.Path);

        var on = await CliRunner.RunAsync("council", "set", "--council", "zeya", "--public-page", "on", "--db", db.Path);
        var switchedOn = await PublicPageAsync(db);

        Assert.Equal(0, on.ExitCode);
        Assert.Contains("/p/zeya", on.Out, StringComparison.Ordinal);
        Assert.True(switchedOn);
        var off = await CliRunner.RunAsync("council", "set", "--council", "zeya", "--public-page", "off", "--db", db.Path);
        Assert.Equal(0, off.ExitCode);
        Assert.False(await PublicPageAsync(db));
    }

    private async Task<bool> PublicPageAsync(TempDatabase db)
    {
        await using var connection = await db.Database.OpenAsync(_ct);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT json_extract(settings, '$.publicPage') FROM councils WHERE slug = 'zeya'") == 1;
    }

    [GeneratedRegex("/signin/(?<code>[A-Za-z0-9_-]{22})")]
    private static partial Regex SignInCode();
}
