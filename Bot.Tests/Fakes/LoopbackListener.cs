using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NokoBot.Tests.Fakes;

/// <summary>Waits for a server the fixture started to accept connections on its loopback port.</summary>
public static class LoopbackListener
{
    /// <param name="diagnostics">What to add to a failure (the server's own log), read only when it fails.</param>
    public static async Task WaitAsync(Process process, string name, int port, TimeSpan timeout, Func<string> diagnostics, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync(ct)}\n{diagnostics()}");
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, ct);
            }
        }
        throw new TimeoutException($"{name} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds} s.\n{diagnostics()}");
    }
}
