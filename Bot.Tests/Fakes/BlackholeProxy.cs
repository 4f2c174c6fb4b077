using System.Net;
using System.Net.Sockets;

namespace NokoBot.Tests.Fakes;

/// <summary>
/// A TCP relay on loopback that can go silent: after <see cref="Blackhole"/> it forwards nothing more either way but
/// keeps every socket open — a machine that vanished without closing its connections, as neither end can tell.
/// </summary>
public sealed class BlackholeProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly int _target;
    private readonly Task _accepting;
    private volatile bool _silent;

    public BlackholeProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>From now on nothing passes; the connections stay open.</summary>
    public void Blackhole() => _silent = true;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
                var outbound = new TcpClient();
                await outbound.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                lock (_clients) _clients.AddRange([inbound, outbound]);
                _ = PumpAsync(inbound.GetStream(), outbound.GetStream());
                _ = PumpAsync(outbound.GetStream(), inbound.GetStream());
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                // Silent: what arrives is swallowed, and nothing is closed.
                if (!_silent) await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_clients) foreach (var client in _clients) client.Dispose();
        _stop.Dispose();
    }
}
