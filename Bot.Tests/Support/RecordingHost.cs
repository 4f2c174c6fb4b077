using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Hosting;

namespace NokoBot.Tests.Support;

/// <summary>
/// The real service host on a test's database and clock, with Telegram off and one recording channel in its place:
/// the scheduler's tests judge what it sent, not how a channel sent it.
/// </summary>
public static class RecordingHost
{
    public static IHost Build(TempDatabase db, TimeProvider time, IDeliveryChannel channel, ILoggerProvider logs)
    {
        ArgumentNullException.ThrowIfNull(db);
        var calendar = Path.Combine(db.Folder, "calendar.txt");
        File.WriteAllText(calendar, "# weekends only\n");
        var builder = NokoBotHost.CreateServiceBuilder(new Dictionary<string, string?>(db.Settings)
        {
            ["Calendar:Path"] = calendar,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:NokoBot.Scheduling"] = "Information",
            ["Telegram:Enabled"] = "false",
        });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.Replace(ServiceDescriptor.Singleton(time));
        builder.Services.RemoveAll<IDeliveryChannel>();
        builder.Services.AddSingleton(channel);
        return builder.Build();
    }
}
