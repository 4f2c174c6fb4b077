using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NokoBot.Hosting;

namespace NokoBot.Bench;

/// <summary>
/// The service's own composition root (<see cref="NokoBotHost"/>) over a bench database with the bench's clock and
/// no log output: what the scenarios set up with and measure. Telegram is off unless the settings turn it on.
/// </summary>
internal static class BenchHost
{
    /// <param name="service">The <c>nokobot run</c> root (with Quartz); otherwise the CLI's.</param>
    public static IHostApplicationBuilder CreateBuilder(string databasePath, TimeProvider time, IDictionary<string, string?>? settings = null, bool service = false)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["Telegram:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
        // The service's pages listen on a port of their own unless a scenario names one.
        if (service && !overrides.ContainsKey("Web:Urls")) overrides["Web:Urls"] = "http://127.0.0.1:0";
        IHostApplicationBuilder builder = service ? NokoBotHost.CreateServiceBuilder(overrides) : NokoBotHost.CreateBuilder(overrides);
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        return builder;
    }

    /// <summary>The CLI's composition root, built and not started: stores and services to resolve.</summary>
    public static IHost Build(string databasePath, TimeProvider time, IDictionary<string, string?>? settings = null) =>
        CreateBuilder(databasePath, time, settings).Build();

    /// <summary>Builds either root: the CLI's (a host application builder) or the service's (a web application builder).</summary>
    public static IHost Build(this IHostApplicationBuilder builder) => builder switch
    {
        HostApplicationBuilder host => host.Build(),
        NokoBotServiceBuilder service => service.Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(builder), builder, "Unknown builder."),
    };

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
