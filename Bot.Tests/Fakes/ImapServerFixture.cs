using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Fakes;

/// <summary>
/// A real IMAP server on 127.0.0.1: Debian's Dovecot (<c>dovecot-imapd</c>), run in the foreground (<c>dovecot -F -c conf</c>)
/// with a minimal configuration of the test's own — one passwd-file user with a PLAIN password, a Maildir under a temp
/// folder, a listener on a free port, TLS with a certificate made in the test or none — and stopped with
/// <c>doveadm stop</c>. Letters are put in with MailKit's APPEND, as a mail server would deliver them.
/// </summary>
public sealed class ImapServerFixture : IAsyncDisposable
{
    public const string User = "noko@example.org";
    public const string Password = "imap-secret";

    private const string Dovecot = "/usr/sbin/dovecot";
    private const string Doveadm = "/usr/bin/doveadm";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Options _options;
    private Process? _process;

    /// <param name="Tls">TLS with this certificate: implicit (SslOnConnect) or by STARTTLS; null: plain text.</param>
    /// <param name="Idle">Whether the server offers IDLE (without it a client has to poll).</param>
    private sealed record Options(string Root, int Port, TestCertificate? Tls, bool SslOnConnect, bool Idle);

    private ImapServerFixture(Options options) => _options = options;

    public int Port => _options.Port;

    /// <summary>Where the configuration, the log and the Maildir live (kept across a restart, deleted on dispose).</summary>
    public string Root => _options.Root;

    public static async Task<ImapServerFixture> StartAsync(
        CancellationToken ct, TestCertificate? tls = null, bool sslOnConnect = false, bool idle = true)
    {
        EnsureInstalled();
        var root = Path.Combine(Path.GetTempPath(), $"nokobot-imap-{Guid.NewGuid():N}"[..30]);
        var server = new ImapServerFixture(new Options(root, SmtpServerFixture.FreePort(), tls, sslOnConnect, idle));
        await server.WriteConfigurationAsync(ct);
        try
        {
            await server.StartProcessAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Stops the server the way an operator would (<c>doveadm stop</c>): every client connection is dropped.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (_process is null || _process.HasExited) return;
        await RunAsync(Doveadm, ["-c", ConfigPath, "stop"], ct);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Starts it again on the same port over the same Maildir.</summary>
    public Task StartAgainAsync(CancellationToken ct) => StartProcessAsync(ct);

    /// <summary>Delivers a letter into a folder (INBOX by default).</summary>
    /// <returns>The letter's UID there.</returns>
    public async Task<UniqueId?> AppendAsync(MimeMessage message, CancellationToken ct, string folder = "INBOX")
    {
        using var client = await ConnectAsync(ct);
        var target = await client.GetFolderAsync(folder, ct);
        var uid = await target.AppendAsync(message, MessageFlags.None, ct);
        await client.DisconnectAsync(true, ct);
        return uid;
    }

    /// <summary>Delivers many letters over one connection.</summary>
    public async Task AppendAllAsync(IEnumerable<MimeMessage> messages, CancellationToken ct, string folder = "INBOX")
    {
        using var client = await ConnectAsync(ct);
        var target = await client.GetFolderAsync(folder, ct);
        foreach (var message in messages) await target.AppendAsync(message, MessageFlags.None, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>The letters in a folder, with their flags; an empty list when the folder does not exist.</summary>
    public async Task<IReadOnlyList<(MimeMessage Message, MessageFlags Flags, UniqueId Uid)>> ReadAsync(string folder, CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        IMailFolder target;
        try
        {
            target = await client.GetFolderAsync(folder, ct);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await target.OpenAsync(FolderAccess.ReadOnly, ct);
        var result = new List<(MimeMessage, MessageFlags, UniqueId)>();
        var uids = await target.SearchAsync(SearchQuery.All, ct);
        if (uids.Count > 0)
        {
            var flags = (await target.FetchAsync(uids, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags), ct))
                .ToDictionary(s => s.UniqueId, s => s.Flags ?? MessageFlags.None);
            foreach (var uid in uids) result.Add((await target.GetMessageAsync(uid, ct), flags[uid], uid));
        }
        await client.DisconnectAsync(true, ct);
        return result;
    }

    /// <summary>
    /// How many letters the folder holds, by one SEARCH: reading them, as <see cref="ReadAsync"/> does, fails when the
    /// service moves one away between the search and its download, which is just what a test polls for.
    /// </summary>
    public async Task<int> CountAsync(string folder, CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        IMailFolder target;
        try
        {
            target = await client.GetFolderAsync(folder, ct);
        }
        catch (FolderNotFoundException)
        {
            return 0;
        }
        await target.OpenAsync(FolderAccess.ReadOnly, ct);
        var count = (await target.SearchAsync(SearchQuery.All, ct)).Count;
        await client.DisconnectAsync(true, ct);
        return count;
    }

    /// <summary>The folder's UIDVALIDITY (with a UID, what names one letter for good).</summary>
    public async Task<uint> UidValidityAsync(string folder, CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        var target = await client.GetFolderAsync(folder, ct);
        await target.OpenAsync(FolderAccess.ReadOnly, ct);
        var validity = target.UidValidity;
        await client.DisconnectAsync(true, ct);
        return validity;
    }

    /// <summary>A logged-in client of the test's own (trusting the test's certificate).</summary>
    public async Task<ImapClient> ConnectAsync(CancellationToken ct)
    {
        var client = new ImapClient { Timeout = 10_000, ServerCertificateValidationCallback = (_, presented, _, _) => _options.Tls?.IsThis(presented) == true };
        var security = _options.Tls is null ? SecureSocketOptions.None
            : _options.SslOnConnect ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(IPAddress.Loopback.ToString(), Port, security, ct);
        await client.AuthenticateAsync(User, Password, ct);
        return client;
    }

    /// <summary>What the server logged (logins, disconnects): evidence of how a client talked to it.</summary>
    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        finally
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
            _process?.Dispose();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string ConfigPath => Path.Combine(Root, "dovecot.conf");

    private string LogPath => Path.Combine(Root, "dovecot.log");

    private async Task StartProcessAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(Dovecot) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-F", "-c", ConfigPath }) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Dovecot);
        await LoopbackListener.WaitAsync(_process, "dovecot", Port, StartTimeout, () => Log, ct);
    }

    private async Task WriteConfigurationAsync(CancellationToken ct)
    {
        var root = _options.Root;
        foreach (var folder in new[] { "run", "state", "home" }) Directory.CreateDirectory(Path.Combine(root, folder));
        await File.WriteAllTextAsync(Path.Combine(root, "passwd"), $"{User}:{{PLAIN}}{Password}::::::\n", ct);

        // Dovecot never gives mail to root: as root, the mail belongs to «nobody»; otherwise to whoever runs the tests.
        var asRoot = Environment.UserName == "root";
        var mailUser = asRoot ? "nobody" : Environment.UserName;
        if (asRoot) await RunAsync("/bin/chown", [mailUser + ":", Path.Combine(root, "home")], ct);
        var services = asRoot
            ? "default_login_user = dovenull\ndefault_internal_user = dovecot\ndefault_internal_group = dovecot"
            : $"default_login_user = {mailUser}\ndefault_internal_user = {mailUser}\ndefault_internal_group = {mailUser}";
        var tls = _options.Tls is { } certificate
            ? $"ssl = required\nssl_cert = <{certificate.CertificatePath}\nssl_key = <{certificate.KeyPath}\nssl_min_protocol = TLSv1.2"
            : "ssl = no";
        var (plainPort, tlsPort) = _options.Tls is not null && _options.SslOnConnect ? (0, Port) : (Port, 0);
        var capability = _options.Idle ? ""
            : "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS MOVE NAMESPACE CHILDREN LIST-EXTENDED";
        var config = string.Create(CultureInfo.InvariantCulture, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{root}}/run
            state_dir = {{root}}/state
            log_path = {{LogPath}}
            {{services}}
            {{tls}}
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            # A wrong password is refused at once: the tests check that it is, not how slowly.
            auth_failure_delay = 0
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{root}}/passwd
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailUser}} home={{root}}/home/%u
            }
            mail_location = maildir:~/Maildir
            {{capability}}
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{plainPort}}
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = {{tlsPort}}
                ssl = yes
              }
            }
            service anvil {
              chroot =
            }
            """);
        if (asRoot) config = config.Replace("gid=nobody", "gid=nogroup", StringComparison.Ordinal);
        await File.WriteAllTextAsync(ConfigPath, config, ct);
    }

    private static async Task RunAsync(string file, IEnumerable<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync(ct)}");
    }

    /// <summary>Fails (never skips) with the fix when Dovecot is not installed.</summary>
    private static void EnsureInstalled()
    {
        if (!File.Exists(Dovecot) || !File.Exists(Doveadm) || !File.Exists("/usr/lib/dovecot/imap"))
            throw new InvalidOperationException(
                "The email tests need Debian's dovecot-imapd: run 'sudo bash scripts/install-test-deps.sh' (apt-get install -y dovecot-imapd).");
    }
}
