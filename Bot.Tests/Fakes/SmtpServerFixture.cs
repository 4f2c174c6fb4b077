using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace NokoBot.Tests.Fakes;

/// <summary>
/// A real SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd with <c>nokobot_smtp.py</c>): messages travel over TCP
/// and land in a Maildir that the test reads back with MimeKit. Started per test, killed on dispose.
/// </summary>
public sealed class SmtpServerFixture : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;

    private SmtpServerFixture(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    /// <param name="reject">Recipients the server refuses with 550.</param>
    /// <param name="defer">How many DATA commands get 451 first.</param>
    /// <param name="tempfail">Recipients whose first RCPT gets 451 (greylisting).</param>
    /// <param name="port">A fixed port (to restart a server where a client expects it); a free one otherwise.</param>
    /// <param name="maildir">A folder that must not exist yet; a fresh temp one otherwise.</param>
    public static async Task<SmtpServerFixture> StartAsync(
        CancellationToken ct, IEnumerable<string>? reject = null, int defer = 0, int? port = null, string? maildir = null,
        IEnumerable<string>? tempfail = null)
    {
        await EnsureAiosmtpdAsync(ct);
        var chosenPort = port ?? FreePort();
        maildir ??= Path.Combine(Path.GetTempPath(), $"nokobot-smtp-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{chosenPort}", "-c", "nokobot_smtp.Handler", maildir })
            start.ArgumentList.Add(arg);
        var rejected = reject?.ToList() ?? [];
        if (rejected.Count > 0) start.ArgumentList.Add("reject=" + string.Join(",", rejected));
        if (defer > 0) start.ArgumentList.Add($"defer={defer}");
        var greylisted = tempfail?.ToList() ?? [];
        if (greylisted.Count > 0) start.ArgumentList.Add("tempfail=" + string.Join(",", greylisted));
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "Fakes");
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        var server = new SmtpServerFixture(process, chosenPort, maildir);
        try
        {
            await server.WaitUntilListeningAsync(ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private Task WaitUntilListeningAsync(CancellationToken ct) => LoopbackListener.WaitAsync(_process, "aiosmtpd", Port, StartTimeout, () => "", ct);

    /// <summary>The service's settings for sending through this server (plain SMTP, no authentication).</summary>
    public Dictionary<string, string?> ServiceSettings(string from = "noko@example.org") => new()
    {
        ["Smtp:Enabled"] = "true",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = from,
        ["Smtp:TimeoutSeconds"] = "5",
    };

    /// <summary>The messages received so far, oldest first, each with its envelope recipients.</summary>
    public IReadOnlyList<(IReadOnlyList<string> RcptTo, MimeMessage Message)> Received()
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return [.. new DirectoryInfo(folder).GetFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f =>
            {
                var message = MimeMessage.Load(f.FullName);
                var rcpt = message.Headers["X-Rcpt-To"] ?? "";
                return ((IReadOnlyList<string>)[.. rcpt.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], message);
            })];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
    }

    /// <summary>Deletes the Maildir (kept after <see cref="DisposeAsync"/> so a restarted server can share it).</summary>
    public void DeleteMaildir()
    {
        try { Directory.Delete(Maildir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// A port free now for a server the test starts next. Chosen below the kernel's ephemeral range (32768 and up on
    /// Linux), which every outgoing connection of the run — connection pools, HTTP clients — draws from: a port the
    /// kernel handed out for listening could be taken by one of those before the server binds it.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
            finally
            {
                listener.Stop();
            }
        }
        throw new InvalidOperationException("No free port between 20000 and 32000 on 127.0.0.1.");
    }

    /// <summary>Fails (never skips) with the fix when the server is not installed.</summary>
    private static async Task EnsureAiosmtpdAsync(CancellationToken ct)
    {
        const string fix = "The email tests need Debian's python3-aiosmtpd: run 'sudo bash scripts/install-test-deps.sh' (apt-get install -y python3-aiosmtpd).";
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} not found. {fix}");
        var check = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        check.ArgumentList.Add("-c");
        check.ArgumentList.Add("import aiosmtpd");
        using var process = Process.Start(check)!;
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"aiosmtpd is missing. {fix}");
    }
}
