using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace NokoBot.Delivery;

/// <summary>
/// This process as one of several sending over one database: the id its claims carry, the lease a claim takes, and how
/// many instances are sending now (each takes that share of Telegram's global budget).
/// </summary>
public sealed class DispatchInstance
{
    /// <summary>
    /// Longer than one send at its slowest with the default settings — the rate limiter's wait (under a second
    /// globally, three seconds in a group), Telegram's 20 s send timeout per part of a long message, or SMTP's 30 s
    /// timeout on each of connect, greeting, authentication and data — with room to spare. It is also how long a
    /// crashed instance's claims wait before another instance takes them over.
    /// </summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After a send the lease stays this long on the recipient's rows, so no other instance writes to that chat sooner:
    /// Telegram's slowest per-chat rate, 20 messages a minute in a group (a private chat needs one second).
    /// </summary>
    public static readonly TimeSpan RecipientHold = TimeSpan.FromSeconds(3);

    /// <summary>A sending instance writes its heartbeat at least this often (and recounts the live ones).</summary>
    public static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an instance joining live ones holds its sends back: within one beat each of them has counted it, and
    /// within one more second their sends at the old, larger share have left the one-second window the limit counts.
    /// </summary>
    public static readonly TimeSpan JoinQuiet = 2 * BeatInterval;

    /// <summary>An instance whose heartbeat is older than this no longer counts as sending.</summary>
    public static readonly TimeSpan LiveWindow = TimeSpan.FromSeconds(10);

    /// <summary>Every instance made in this process (tests and the bench run several side by side): none of them is gone.</summary>
    private static readonly ConcurrentDictionary<string, bool> InThisProcess = new(StringComparer.Ordinal);

    private int _live = 1;

    public DispatchInstance(string? id, TimeSpan? lease = null)
    {
        Id = string.IsNullOrWhiteSpace(id) ? DefaultId() : id.Trim();
        Lease = lease ?? DefaultLease;
        InThisProcess[Id] = true;
    }

    public string Id { get; }

    public TimeSpan Lease { get; }

    /// <summary>How many instances were sending at the last heartbeat (at least one: this).</summary>
    public int Live
    {
        get => Volatile.Read(ref _live);
        set => Volatile.Write(ref _live, Math.Max(1, value));
    }

    /// <summary>
    /// Whether the instance that took claims as <paramref name="other"/> is certainly gone, so its claims need not wait
    /// for their lease: it is this id from an earlier life of this process (the same configured id), or a default id of
    /// this host whose process is this one (a container's pid 1 again, with another suffix) or no longer runs.
    /// </summary>
    public bool IsGone(string other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other == Id) return true;
        if (InThisProcess.ContainsKey(other)) return false;
        var suffix = other.LastIndexOf('-');
        var pidStart = suffix > 0 ? other.LastIndexOf('-', suffix - 1) : -1;
        if (pidStart <= 0 || other[..pidStart] != Environment.MachineName
            || !int.TryParse(other.AsSpan(pidStart + 1, suffix - pidStart - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return false;
        return pid == Environment.ProcessId || !Runs(pid);
    }

    private static bool Runs(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Hostname, process id and a random suffix: unique even for two containers with the same name and pid.</summary>
    public static string DefaultId() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
}
