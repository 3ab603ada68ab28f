using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace CtiBridge.Asterisk.Tests.Fakes;

/// <summary>A loopback AMI server: each accepted connection runs the test's script.</summary>
internal sealed class FakeAmiServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _cts = new();
    private readonly Func<FakeAmiConnection, Task> _script;
    private readonly Task _acceptLoop;
    private readonly List<Task> _sessions = [];

    public FakeAmiServer(Func<FakeAmiConnection, Task> script)
    {
        _script = script;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every accepted connection, in order.</summary>
    public Channel<FakeAmiConnection> Connections { get; } = Channel.CreateUnbounded<FakeAmiConnection>();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_cts.Token);
                var conn = new FakeAmiConnection(socket);
                Connections.Writer.TryWrite(conn);
                lock (_sessions) _sessions.Add(RunAsync(conn));
            }
        }
        catch (Exception) { }
    }

    private async Task RunAsync(FakeAmiConnection conn)
    {
        try { await _script(conn); }
        catch (Exception) { /* the client went away: fine for a fake */ }
    }

    public async ValueTask DisposeAsync()
    {
        _cts.Cancel();
        _listener.Stop();
        await _acceptLoop;
        while (Connections.Reader.TryRead(out var c)) c.Drop();
        Task[] sessions;
        lock (_sessions) sessions = [.. _sessions];
        await Task.WhenAll(sessions).WaitAsync(TestHelpers.Guard);
    }

    /// <summary>The usual script: banner, accept any login, answer Ping, then the test's responder for the rest.</summary>
    public static Func<FakeAmiConnection, Task> Standard(Func<FakeAmiConnection, FakeAmiAction, Task>? onAction = null) => async conn =>
    {
        await conn.SendBannerAsync();
        while (await conn.ReadActionAsync() is { } action)
        {
            if (action.Name == "Login") await conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\nMessage: Authentication accepted\n\n");
            else if (action.Name == "Ping") await conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\nPing: Pong\nTimestamp: 1795318977.051877\n\n");
            else if (action.Name == "Logoff") { await conn.SendAsync($"Response: Goodbye\nActionID: {action.ActionId}\nMessage: Thanks for all the fish.\n\n"); conn.Drop(); return; }
            else if (onAction is not null) await onAction(conn, action);
            else await conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\n\n");
        }
    };
}

internal sealed record FakeAmiAction(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string Name => this["Action"] ?? "";
    public string ActionId => this["ActionID"] ?? "";
    public string? this[string key] => Fields.FirstOrDefault(f => f.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;
}

internal sealed class FakeAmiConnection
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly SemaphoreSlim _write = new(1, 1);

    public FakeAmiConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    /// <summary>Every action received on this connection, in order.</summary>
    public List<FakeAmiAction> Received { get; } = [];

    public Channel<FakeAmiAction> Actions { get; } = Channel.CreateUnbounded<FakeAmiAction>();

    public Task SendBannerAsync() => SendAsync("Asterisk Call Manager/11.0.0\n");

    /// <summary>Sends text with LF turned into CRLF, as Asterisk does.</summary>
    public Task SendAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n")));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _write.WaitAsync();
        try { await _stream.WriteAsync(bytes); await _stream.FlushAsync(); }
        finally { _write.Release(); }
    }

    /// <summary>Reads the next action, or null when the client closed.</summary>
    public async Task<FakeAmiAction?> ReadActionAsync()
    {
        var fields = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = await _reader.ReadLineAsync();
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (fields.Count == 0) continue;
                var action = new FakeAmiAction(fields);
                lock (Received) Received.Add(action);
                Actions.Writer.TryWrite(action);
                return action;
            }
            var kv = line.Split(": ", 2);
            fields.Add(new(kv[0], kv.Length > 1 ? kv[1] : ""));
        }
    }

    /// <summary>Closes the TCP connection (the client sees end of stream).</summary>
    public void Drop()
    {
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception) { }
        _socket.Dispose();
    }
}
