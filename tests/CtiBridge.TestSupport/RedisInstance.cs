using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CtiBridge.TestSupport;

/// <summary>
/// A throw-away Redis for a test: Debian's <c>redis-server</c> as a child process on 127.0.0.1 and a port from
/// <see cref="LoopbackPorts"/>, with its own directory, no persistence; <see cref="KillAsync"/> stops it as an outage
/// would (SIGKILL), <see cref="DisposeAsync"/> stops it and deletes the directory. <see cref="Binary"/> is null when the
/// package is not installed: tests then skip with that reason.
/// </summary>
public sealed class RedisInstance : IAsyncDisposable
{
    public static readonly string? Binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
    public const string MissingReason = "redis-server is not installed (Debian package 'redis-server', scripts/install-prerequisites.sh).";

    private readonly Process _process;
    private readonly string _dir;
    private readonly StringBuilder _output = new();

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string (<c>Redis:ConnectionString</c>).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    private RedisInstance(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
    }

    /// <summary>Starts a Redis and waits until it answers PING.</summary>
    public static Task<RedisInstance> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ctibridge-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return StartAsync(LoopbackPorts.Reserve(), dir);
    }

    /// <summary>A new, empty Redis on the same port and directory after <see cref="KillAsync"/> (Redis back after an outage).</summary>
    public async Task<RedisInstance> StartAgainAsync()
    {
        await KillAsync();
        return await StartAsync(Port, _dir);
    }

    private static async Task<RedisInstance> StartAsync(int port, string dir)
    {
        var binary = Binary ?? throw new InvalidOperationException(MissingReason);
        var process = Process.Start(new ProcessStartInfo(binary,
            ["--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", dir, "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--protected-mode", "yes"])
            { RedirectStandardOutput = true, UseShellExecute = false }) ?? throw new InvalidOperationException("could not start redis-server");
        var redis = new RedisInstance(process, dir, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await redis.PingAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = redis.Output;
                await redis.DisposeAsync();
                throw new InvalidOperationException("redis-server did not answer PING:\n" + log);
            }
            await Task.Delay(50);
        }
        return redis;
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Whether it answers PING now.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await tcp.ConnectAsync("127.0.0.1", Port, cts.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cts.Token);
            var buffer = new byte[16];
            var n = await stream.ReadAsync(buffer, cts.Token);
            return Encoding.ASCII.GetString(buffer, 0, n).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException) { return false; }
    }

    /// <summary>SIGKILL: Redis is gone at once (an outage).</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
