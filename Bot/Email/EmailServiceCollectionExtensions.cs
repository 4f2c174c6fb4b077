using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NokoBot.Delivery;

namespace NokoBot.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary><c>Smtp:Enabled</c>: whether this service sends email at all.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{SmtpOptions.Section}:{nameof(SmtpOptions.Enabled)}");

    /// <summary>
    /// Email: the renderers always (digest previews, the simulator); with <c>Smtp:Enabled</c>, the SMTP channel too,
    /// its options validated at start.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // windows-1251 / koi8-r in MimeKit (MailKit FAQ).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<ImapOptions>().Bind(configuration.GetSection(ImapOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImapOptions>, ImapOptionsValidator>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<EmailRenderer>();
        if (!IsEnabled(configuration)) return services;
        services.AddSingleton<EmailSender>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        return services;
    }
}
