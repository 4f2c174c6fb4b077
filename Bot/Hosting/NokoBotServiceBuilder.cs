using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NokoBot.Hosting;

/// <summary>
/// The <c>nokobot run</c> root's builder: a web application's (Kestrel serves the council pages) that builds an
/// <see cref="IHost"/> like the CLI's, so whoever starts the service needs to know nothing of the web.
/// </summary>
public sealed class NokoBotServiceBuilder(WebApplicationBuilder web) : IHostApplicationBuilder
{
    private IHostApplicationBuilder Inner => web;

    public IDictionary<object, object> Properties => Inner.Properties;

    public IConfigurationManager Configuration => web.Configuration;

    public IHostEnvironment Environment => web.Environment;

    public ILoggingBuilder Logging => web.Logging;

    public IMetricsBuilder Metrics => web.Metrics;

    public IServiceCollection Services => web.Services;

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull => Inner.ConfigureContainer(factory, configure);

    public IHost Build() => web.Build();
}
