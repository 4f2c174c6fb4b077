using Microsoft.Extensions.DependencyInjection;

namespace NokoBot.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The year-end report (Word and HTML). Register after storage.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportService>();
        return services;
    }
}
