using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NokoBot.Hosting;
using NokoBot.Storage;
using NokoBot.Tests.Support;
using NokoBot.Web;

namespace NokoBot.Tests.Web;

/// <summary>How <c>nokobot run</c> treats the <c>Web</c> settings.</summary>
public sealed class WebHostTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(TempDatabase db, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = db.Path,
            ["Telegram:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task With_the_pages_switched_off_the_service_runs_and_nothing_listens()
    {
        using var db = new TempDatabase();
        using var host = NokoBotHost.CreateServiceBuilder(Settings(db, ("Web:Enabled", "false"))).Build();

        await host.StartAsync(_ct);

        Assert.Empty(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        Assert.False(host.Services.GetRequiredService<WebLinks>().Enabled);
        // The service goes on without them: its first sweep runs.
        var state = host.Services.GetRequiredService<StateStore>();
        for (var waited = 0; await state.GetInstantAsync(StateKeys.SweptUntil, _ct) is null; waited++)
        {
            Assert.True(waited < 200, "the first sweep ran within 10 s");
            await Task.Delay(50, _ct);
        }
        await host.StopAsync(_ct);
    }

    [Fact]
    public async Task A_bad_address_stops_the_start_with_the_setting_to_fix()
    {
        using var db = new TempDatabase();
        using var host = NokoBotHost.CreateServiceBuilder(Settings(db, ("Web:PublicBaseUrl", "noko.example.org"))).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(_ct));

        Assert.Contains("Web__PublicBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_built_on_the_public_address_when_one_is_set()
    {
        var options = new WebOptions { Urls = "http://+:8080", PublicBaseUrl = "https://noko.example.org/" };
        Assert.Equal("https://noko.example.org", options.BaseUrl);
        Assert.Equal("http://localhost:8080", new WebOptions { Urls = "http://+:8080" }.BaseUrl);
        Assert.Equal("http://127.0.0.1:8080", new WebOptions().BaseUrl);
    }
}
