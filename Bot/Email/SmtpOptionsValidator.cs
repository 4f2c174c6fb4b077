using Microsoft.Extensions.Options;
using MimeKit;

namespace NokoBot.Email;

/// <summary>Lists every problem at once, each by the environment variable that fixes it.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
            failures.Add("Smtp:Host (env Smtp__Host) is required when email is enabled.");
        if (options.Port is < 1 or > 65535)
            failures.Add($"Smtp:Port (env Smtp__Port) must be 1-65535, got {options.Port}.");
        if (!Enum.IsDefined(options.Security))
            failures.Add("Smtp:Security (env Smtp__Security) must be None, StartTls or SslOnConnect.");
        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            failures.Add("Smtp:From (env Smtp__From) must be an email address such as noko@example.org.");
        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password))
            failures.Add("Smtp:Password (env Smtp__Password) is required when Smtp:User is set.");
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificate) && !File.Exists(options.TrustedCertificate))
            failures.Add($"Smtp:TrustedCertificate (env Smtp__TrustedCertificate) must be a PEM file; '{options.TrustedCertificate}' does not exist.");
        if (options.TimeoutSeconds is < 1 or > 600)
            failures.Add($"Smtp:TimeoutSeconds (env Smtp__TimeoutSeconds) must be 1-600, got {options.TimeoutSeconds}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
