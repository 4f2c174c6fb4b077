namespace NokoBot.Email;

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>The SMTP server email goes out through. Bound from the <c>Smtp</c> section; the password only from env.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Email is sent (and these options validated at start) only when enabled.</summary>
    public bool Enabled { get; set; }

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Empty: no authentication, even when the server offers it.</summary>
    public string? User { get; set; }

    /// <summary>Env <c>Smtp__Password</c>. Never logged; <see cref="ToString"/> hides it.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "";
    public string FromName { get; set; } = "NokoBot";

    /// <summary>A PEM certificate to trust for this server besides the system's (a self-signed or private-CA server).</summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>Per-command timeout of the SMTP client.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public override string ToString() =>
        $"{Host}:{Port} ({Security}), user {(string.IsNullOrEmpty(User) ? "-" : User)}, from {From}";
}
