using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NokoBot.Delivery;
using NokoBot.Desk;
using NokoBot.Email;
using NokoBot.Inbox;
using NokoBot.Replies;
using NokoBot.Reports;
using NokoBot.Scheduling;
using NokoBot.Storage;
using NokoBot.Telegram;
using NokoBot.Web;

namespace NokoBot.Hosting;

/// <summary>
/// The one composition root: configuration (files, environment, then the caller's overrides) and one AddX() per part.
/// <c>nokobot run</c> adds the scheduler and the council pages (Kestrel) and runs it; CLI verbs resolve from it;
/// <c>simulate</c> swaps the clock and the channels.
/// </summary>
public static class NokoBotHost
{
    /// <param name="overrides">Settings over the files and the environment (the CLI's <c>--db</c>, tests' servers).</param>
    public static HostApplicationBuilder CreateBuilder(IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        Compose(builder, overrides);
        return builder;
    }

    /// <summary>
    /// The service: everything above, the scheduler that drives it and the council pages. A web application's builder
    /// (Kestrel is started by the host with the other services); with <c>Web:Enabled</c> false nothing listens.
    /// </summary>
    public static NokoBotServiceBuilder CreateServiceBuilder(IDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        Compose(builder, overrides);
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddInbox(builder.Configuration);
        builder.AddWeb();
        builder.Services.AddHostedService<StartupMemoryTrim>();
        return new NokoBotServiceBuilder(builder);
    }

    private static void Compose(IHostApplicationBuilder builder, IDictionary<string, string?>? overrides)
    {
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine("config", "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddDelivery();
        builder.Services.AddReplies();
        builder.Services.AddDesk();
        builder.Services.AddReports();
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.AddWebLinks(builder.Configuration);
        if (TelegramServiceCollectionExtensions.IsEnabled(builder.Configuration)) builder.Services.AddTelegram(builder.Configuration);
    }
}
