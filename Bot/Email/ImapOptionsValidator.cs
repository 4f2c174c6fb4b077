using Microsoft.Extensions.Options;

namespace NokoBot.Email;

/// <summary>Lists every problem at once, each by the environment variable that fixes it; the password is never echoed.</summary>
public sealed class ImapOptionsValidator(IOptions<SmtpOptions> smtp) : IValidateOptions<ImapOptions>
{
    public ValidateOptionsResult Validate(string? name, ImapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
            failures.Add("Imap:Host (env Imap__Host) is required when the mailbox is read.");
        if (options.Port is < 1 or > 65535)
            failures.Add($"Imap:Port (env Imap__Port) must be 1-65535, got {options.Port}.");
        if (!Enum.IsDefined(options.Security))
            failures.Add("Imap:Security (env Imap__Security) must be SslOnConnect, StartTls or None.");
        if (string.IsNullOrWhiteSpace(options.User))
            failures.Add("Imap:User (env Imap__User) is required when the mailbox is read.");
        if (string.IsNullOrEmpty(options.Password))
            failures.Add("Imap:Password (env Imap__Password) is required when the mailbox is read; set it in the environment only.");
        if (string.IsNullOrWhiteSpace(options.Folder))
            failures.Add("Imap:Folder (env Imap__Folder) must name the folder letters arrive in, e.g. INBOX.");
        if (string.IsNullOrWhiteSpace(options.DoneFolder) || string.Equals(options.DoneFolder.Trim(), options.Folder?.Trim(), StringComparison.OrdinalIgnoreCase))
            failures.Add("Imap:DoneFolder (env Imap__DoneFolder) must name a folder other than Imap:Folder for handled letters.");
        if (!string.IsNullOrWhiteSpace(options.TrustedCertificate) && !File.Exists(options.TrustedCertificate))
            failures.Add($"Imap:TrustedCertificate (env Imap__TrustedCertificate) must be a PEM file; '{options.TrustedCertificate}' does not exist.");
        if (options.TimeoutSeconds is < 1 or > 600)
            failures.Add($"Imap:TimeoutSeconds (env Imap__TimeoutSeconds) must be 1-600, got {options.TimeoutSeconds}.");
        if (!smtp.Value.Enabled)
            failures.Add("Smtp:Enabled (env Smtp__Enabled) must be true when the mailbox is read: the answers to members' letters are sent by email.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
