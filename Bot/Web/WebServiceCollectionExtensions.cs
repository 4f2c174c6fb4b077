using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NokoBot.Texts;

namespace NokoBot.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary><c>Web:Enabled</c> (default true).</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{WebOptions.Section}:{nameof(WebOptions.Enabled)}", true);

    /// <summary>The links to the pages (sign-in, calendar feeds) the chat and the CLI hand out. Register after storage.</summary>
    public static IServiceCollection AddWebLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<WebLinks>();
        return services;
    }

    /// <summary>
    /// The council pages in <c>nokobot run</c>: Kestrel on <c>Web:Urls</c> and the pipeline (<see cref="WebPipeline"/>).
    /// Kestrel starts after every other hosted service, so the schema is migrated before the first request.
    /// </summary>
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsEnabled(builder.Configuration))
        {
            builder.Services.AddSingleton<IServer, NoServer>();
            return builder;
        }
        var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        builder.WebHost.UseKestrelCore().UseUrls([.. options.ListenUrls]);
        builder.Services.AddRoutingCore();
        // Anti-forgery keys live as long as the process: a form left open over a restart is refused and sent again.
        builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "noko_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "_af";
            o.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.SignInPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (rejected, ct) =>
            {
                var logger = rejected.HttpContext.RequestServices.GetRequiredService<ILogger<WebVisitors>>();
                WebLog.RateLimited(logger, rejected.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "?");
                await ErrorPages.WriteAsync(rejected.HttpContext.Response, StatusCodes.Status429TooManyRequests, WebTexts.TooManyTitle, WebTexts.TooMany);
            };
        });
        builder.Services.AddSingleton<WebVisitors>();
        builder.Services.AddSingleton<ReplyEndpoints.Actions>();
        builder.Services.AddSingleton<CalendarFeedBuilder>();
        builder.Services.AddSingleton<IStartupFilter, WebPipeline>();
        return builder;
    }
}
