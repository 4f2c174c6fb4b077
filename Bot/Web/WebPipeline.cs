using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NokoBot.Web;

/// <summary>
/// The request pipeline, set up from the container (the host's builder knows nothing of the pages): security
/// headers on everything, Russian error pages with no stack trace, routing, the sign-in rate limit, the endpoints
/// (the pages' own and those other folders register as <see cref="IWebEndpoints"/>).
/// </summary>
internal sealed class WebPipeline(IOptions<WebOptions> options, IEnumerable<IWebEndpoints> others, ILogger<WebPipeline> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        WebLog.Listening(logger, options.Value.BaseUrl);
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorPages.ServerErrorAsync });
        app.UseStatusCodePages(ErrorPages.StatusPageAsync);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            ServiceEndpoints.Map(endpoints);
            SignInEndpoints.Map(endpoints);
            CouncilEndpoints.Map(endpoints);
            ReplyEndpoints.Map(endpoints);
            CalendarEndpoints.Map(endpoints);
            PublicEndpoints.Map(endpoints);
            PlanUploadEndpoints.Map(endpoints);
            foreach (var other in others) other.Map(endpoints);
        });
        next(app);
    };
}
