using System.Diagnostics;
using Npgsql;

#if !NOKOBOT_BENCH
[assembly: AssemblyFixture(typeof(NokoBot.Tests.Fakes.PostgresServerFixture))]
#endif

namespace NokoBot.Tests.Fakes;

/// <summary>
/// A real PostgreSQL server on 127.0.0.1 for the whole test run: Debian's <c>postgresql</c> binaries, a cluster made by
/// <c>initdb</c> in a temp folder (as the <c>postgres</c> user when the tests run as root, which initdb refuses), started
/// by <c>pg_ctl</c> on a free port with its socket in that folder and fsync off, stopped and deleted at the end. It
/// starts on first use, so a run that needs no PostgreSQL never pays for it. Each test asks for a database of its own.
/// The bench links this file too (NOKOBOT_BENCH: no xunit there).
/// </summary>
public sealed class PostgresServerFixture : IAsyncDisposable
#if !NOKOBOT_BENCH
    , IAsyncLifetime
#endif
{
    public const string User = "nokobot";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _root;
    private int _port;
    private int _databases;

    /// <summary>A fresh database on the shared server, empty or a copy of <paramref name="template"/>; its connection string.</summary>
    /// <param name="template">A database on this server nobody is connected to (copying is far faster than migrating).</param>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct, string? template = null)
    {
        await EnsureStartedAsync(ct);
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        return ConnectionString(name);
    }

    public int Port => _port;

#if !NOKOBOT_BENCH
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
#endif

    public async ValueTask DisposeAsync()
    {
        if (_root is null) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Bin("pg_ctl"), ["-D", DataPath, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        finally
        {
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = _port, Username = User, Database = database, Pooling = true, MaxPoolSize = 20, Timeout = 15,
    }.ToString();

    private string DataPath => Path.Combine(_root!, "data");

    private async Task EnsureStartedAsync(CancellationToken ct)
    {
        if (_root is not null) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_root is not null) return;
            var root = Path.Combine(Path.GetTempPath(), $"nokobot-pg-{Guid.NewGuid():N}"[..26]);
            Directory.CreateDirectory(root);
            if (IsRoot) await RunAsync("chown", ["postgres:", root], ct, asPostgres: false);
            var port = SmtpServerFixture.FreePort();
            var data = Path.Combine(root, "data");
            await RunAsync(Bin("initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-instructions"], ct);
            await RunAsync(Bin("pg_ctl"),
                ["-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                 "start"], ct);
            _port = port;
            _root = root;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest installed server's binaries (Debian keeps them out of PATH, under /usr/lib/postgresql/N/bin).</summary>
    private static string Bin(string name)
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin", name)).Where(File.Exists)
            .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
            .FirstOrDefault();
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL's {name} is not installed under /usr/lib/postgresql: run scripts/install-test-deps.sh (Debian's postgresql).");
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, bool asPostgres = true)
    {
        var start = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : file)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && IsRoot) foreach (var arg in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(arg);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}\n{await output}");
    }
}
