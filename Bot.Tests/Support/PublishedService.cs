using System.Collections.Concurrent;
using System.Diagnostics;

namespace NokoBot.Tests.Support;

/// <summary>The published <c>nokobot</c> run as a separate process, as it ships: its output kept for a failure's message.</summary>
public sealed class PublishedService : IAsyncDisposable
{
    private readonly Process _process;

    private PublishedService(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The publish of <c>Bot</c> that test.sh makes; the Bot project's own build output otherwise (the copy beside
    /// the tests lacks what the ASP.NET shared framework gives the tests).
    /// </summary>
    public static string Dll => Path.Combine(
        Environment.GetEnvironmentVariable("NOKOBOT_PUBLISHED") is { Length: > 0 } published
            ? published
            : RepoPaths.Of("Bot", "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name, "net10.0"),
        "nokobot.dll");

    /// <param name="arguments">After the dll: the verb and its options.</param>
    /// <param name="environment">The service's settings, as an operator sets them.</param>
    public static PublishedService Start(string name, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var service = new PublishedService(Process.Start(start) ?? throw new InvalidOperationException("could not start nokobot"), name);
        service._process.OutputDataReceived += (_, e) => { if (e.Data is not null) service.Output.Enqueue(e.Data); };
        service._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service.Output.Enqueue(e.Data); };
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or an OOM kill ends it.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>Its last lines without stack frames, for a failure's message.</summary>
    public string Tail(int lines = 30) =>
        $"--- {Name} ---\n" + string.Join('\n', Output.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
