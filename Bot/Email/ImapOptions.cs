namespace NokoBot.Email;

public enum ImapSecurity { SslOnConnect, StartTls, None }

/// <summary>
/// The mailbox members' letters are read from (their replies, bounces). Bound from the <c>Imap</c> section; the password
/// only from the environment.
/// </summary>
public sealed class ImapOptions
{
    public const string Section = "Imap";

    /// <summary>The mailbox is read (and these options validated at start) only when enabled.</summary>
    public bool Enabled { get; set; }

    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    public ImapSecurity Security { get; set; } = ImapSecurity.SslOnConnect;
    public string User { get; set; } = "";

    /// <summary>Env <c>Imap__Password</c>. Never logged; <see cref="ToString"/> hides it.</summary>
    public string? Password { get; set; }

    /// <summary>Where letters arrive.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where handled letters are moved (flagged \Seen); created if missing.</summary>
    public string DoneFolder { get; set; } = "NokoBot";

    /// <summary>A PEM certificate to trust for this server besides the system's (a self-signed or private-CA server).</summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>Per-command timeout of the IMAP client.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public override string ToString() => $"{Host}:{Port} ({Security}), user {User}, folder {Folder} → {DoneFolder}";
}
