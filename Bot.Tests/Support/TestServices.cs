using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NokoBot.Delivery;
using NokoBot.Domain.Deadlines;
using NokoBot.Hosting;

namespace NokoBot.Tests.Support;

/// <summary>
/// The service's own composition root over a test database, with the test's clock, weekends-only calendar (unless a
/// test wants Russia's) and, when given, channels of the test's instead of Telegram and email: what a restarted
/// process would have, built fresh each call.
/// </summary>
public static class TestServices
{
    /// <summary>Over the test's database, SQLite or PostgreSQL.</summary>
    public static IHost Build(TempDatabase database, TimeProvider time, IEnumerable<IDeliveryChannel>? channels = null,
        IDictionary<string, string?>? settings = null, ProductionCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var all = database.Settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return Build(database.Path, time, channels, all, calendar);
    }

    public static IHost Build(string databasePath, TimeProvider time, IEnumerable<IDeliveryChannel>? channels = null,
        IDictionary<string, string?>? settings = null, ProductionCalendar? calendar = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["Telegram:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
        var builder = NokoBotHost.CreateBuilder(overrides);
        builder.Services.Replace(ServiceDescriptor.Singleton(time));
        builder.Services.Replace(ServiceDescriptor.Singleton(calendar ?? ProductionCalendar.WeekendsOnly));
        if (channels is not null)
        {
            builder.Services.RemoveAll<IDeliveryChannel>();
            foreach (var channel in channels) builder.Services.AddSingleton(channel);
        }
        return builder.Build();
    }

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
