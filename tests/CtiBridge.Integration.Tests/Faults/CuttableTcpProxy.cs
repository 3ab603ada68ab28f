using System.Net;
using System.Net.Sockets;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// A loopback TCP proxy between CtiBridge and one of Asterisk's ports (ARI's HTTP + WebSocket, or AMI), which a fault
/// test cuts: <see cref="Cut"/> resets every connection open through it at that moment, as a network failure or an
/// Asterisk-side close would. New connections are accepted afterwards (CtiBridge reconnects by itself).
/// </summary>
public sealed class CuttableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<(Socket Client, Socket Server)> _open = [];
    private readonly Task _accepting;
    private int _accepted;

    public CuttableTcpProxy(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>The loopback port to point CtiBridge at.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far (a reconnect after a cut raises it).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections open through the proxy now.</summary>
    public int Open { get { lock (_gate) return _open.Count; } }

    /// <summary>Resets every open connection (RST to both sides); returns how many were cut.</summary>
    public int Cut()
    {
        List<(Socket Client, Socket Server)> cut;
        lock (_gate) { cut = [.. _open]; _open.Clear(); }
        foreach (var (client, server) in cut) { Reset(client); Reset(server); }
        return cut.Count;
    }

    private static void Reset(Socket s)
    {
        try { s.LingerState = new LingerOption(true, 0); } catch (SocketException) { } catch (ObjectDisposedException) { }
        s.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try { await server.ConnectAsync(_target, _stop.Token); }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Reset(client); server.Dispose();
            return;
        }
        var pair = (client, server);
        lock (_gate) _open.Add(pair);
        Interlocked.Increment(ref _accepted);
        // Either direction ending (or a cut) ends both.
        await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        lock (_gate) _open.Remove(pair);
        Reset(client); Reset(server);
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0) return;
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
