using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NokoBot.Delivery;
using NokoBot.Meetings;
using NokoBot.Domain.Deadlines;
using NokoBot.Storage;

namespace NokoBot.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The email channel: SMTP options (validated at start when <c>Smtp:Enabled</c>), sender, outbox, digest and
    /// agenda mailers, the reminder channel for DeliveryDispatcher and the outbox the scheduler's sweep dispatches.
    /// Expects SqliteDatabase and TimeProvider registered.
    /// </summary>
    /// <summary><c>Smtp:Enabled</c>: whether this service sends email at all.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{SmtpOptions.Section}:{nameof(SmtpOptions.Enabled)}");

    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // windows-1251 / koi8-r in MimeKit (MailKit FAQ).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ProductionCalendar.WeekendsOnly);
        services.TryAddSingleton<DeliveryLedger>();
        services.TryAddSingleton<EmailOutboxStore>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddSingleton<AgendaMailer>();
        services.AddSingleton<IMeetingChannel, EmailMeetingChannel>();
        services.AddSingleton<IReminderChannel, EmailReminderChannel>();
        services.AddSingleton<DigestMailer>();
        return services;
    }
}
