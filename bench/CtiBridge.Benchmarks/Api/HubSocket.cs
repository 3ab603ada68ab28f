using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CtiBridge.Benchmarks.Api;

/// <summary>What the receive loops record: the receive time against the envelope's timestamps.</summary>
public sealed class FanoutRecorder
{
    /// <summary>agentStateChanged: receive − data.agent.stateSince (the engine's time of the state change = raise).</summary>
    public Histogram RaiseToReceive { get; } = new();
    /// <summary>Every event: receive − envelope <c>at</c> (the dispatcher's time when it took the event off its queue).</summary>
    public Histogram DispatchToReceive { get; } = new();
    /// <summary>agentStateChanged only: receive − envelope <c>at</c>.</summary>
    public Histogram AgentDispatchToReceive { get; } = new();
    /// <summary>skillGroupStatsChanged only: receive − envelope <c>at</c>.</summary>
    public Histogram StatsDispatchToReceive { get; } = new();
    public long[] ByKind = new long[3]; // agentStateChanged, skillGroupStatsChanged, other
    public volatile bool Recording;
    public long Closed;
}

/// <summary>One receiving connection of the fan-out harness.</summary>
public interface IFanoutClient
{
    /// <summary>skillGroupStatsChanged messages this connection received while recording.</summary>
    long StatsReceived { get; }
    Task PingAsync(CancellationToken ct);
    /// <summary>Until the connection is closed or <paramref name="ct"/> is cancelled; counts a close in <see cref="FanoutRecorder.Closed"/>.</summary>
    Task ReceiveLoopAsync(FanoutRecorder recorder, CancellationToken ct);
    Task CloseAsync();
}

/// <summary>
/// The harness's connection with SignalR's .NET client (<c>Microsoft.AspNetCore.SignalR.Client</c>, <c>WithUrl</c>), as an
/// integrator connects (samples/CtiBridge.ClientSample): WebSockets without the negotiate request, JSON protocol,
/// SignalR's own keep-alive. Each message is deserialized to a <see cref="JsonElement"/> and its timestamps read from it;
/// the receive time is taken when the handler runs, so client-side parsing is inside the measured span.
/// </summary>
public sealed class SignalRClient : IFanoutClient
{
    private readonly HubConnection _connection;
    private FanoutRecorder? _recorder;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _statsReceived;

    private SignalRClient(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("agentStateChanged", e => Record(e, 0));
        connection.On<JsonElement>("skillGroupStatsChanged", e => Record(e, 1));
        foreach (var other in new[] { "callOffered", "callStateChanged", "participantsChanged", "callEnded", "phoneRegistrationChanged", "pbxConnectionChanged" })
            connection.On<JsonElement>(other, e => Record(e, 2));
        connection.Closed += _ => { _closed.TrySetResult(); return Task.CompletedTask; };
    }

    public long StatsReceived => Interlocked.Read(ref _statsReceived);

    public static async Task<SignalRClient> ConnectAsync(Uri hubUri, string token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hubUri.ToString().Replace("ws://", "http://")), o =>
            {
                o.SkipNegotiation = true; // as the raw client: one WebSocket request per connection
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var client = new SignalRClient(connection);
        await connection.StartAsync(ct);
        return client;
    }

    private void Record(JsonElement e, int kind)
    {
        var now = DateTimeOffset.UtcNow;
        var recorder = _recorder;
        if (recorder is null || !recorder.Recording) return;
        var hasAt = e.TryGetProperty("at", out var atProperty);
        var sinceAt = hasAt ? (now - atProperty.GetDateTimeOffset()).TotalMilliseconds : 0;
        if (hasAt) recorder.DispatchToReceive.Add(sinceAt);
        Interlocked.Increment(ref recorder.ByKind[kind]);
        if (kind == 0)
        {
            if (hasAt) recorder.AgentDispatchToReceive.Add(sinceAt);
            var since = e.GetProperty("data").GetProperty("agent").GetProperty("stateSince").GetDateTimeOffset();
            recorder.RaiseToReceive.Add((now - since).TotalMilliseconds);
        }
        else if (kind == 1)
        {
            Interlocked.Increment(ref _statsReceived);
            if (hasAt) recorder.StatsDispatchToReceive.Add(sinceAt);
        }
    }

    public Task PingAsync(CancellationToken ct) => Task.CompletedTask; // HubConnection pings by itself

    public async Task ReceiveLoopAsync(FanoutRecorder recorder, CancellationToken ct)
    {
        _recorder = recorder;
        try { await _closed.Task.WaitAsync(ct); }
        catch (OperationCanceledException) { return; }
        Interlocked.Increment(ref recorder.Closed);
    }

    public async Task CloseAsync()
    {
        try { await _connection.DisposeAsync(); } catch (Exception) { }
    }
}

/// <summary>
/// A minimal SignalR JSON-protocol client over a raw <see cref="ClientWebSocket"/> (<c>--raw</c>): handshake, one
/// receive loop that parses only the envelope's <c>at</c> (and <c>stateSince</c> of agentStateChanged), pings (type 6)
/// sent by the owner. Cheaper per message than <see cref="SignalRClient"/>, which matters when 1,000–5,000 clients share
/// the two cores with the server (docs/benchmarks.md).
/// </summary>
public sealed class HubSocket : IFanoutClient
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly byte[] AtKey = "\"at\":\""u8.ToArray();
    private static readonly byte[] SinceKey = "\"stateSince\":\""u8.ToArray();
    private static readonly byte[] StateTarget = "\"target\":\"agentStateChanged\""u8.ToArray();
    private static readonly byte[] StatsTarget = "\"target\":\"skillGroupStatsChanged\""u8.ToArray();

    private readonly ClientWebSocket _ws;
    /// <summary>skillGroupStatsChanged messages this connection received while recording.</summary>
    public long StatsReceived => Interlocked.Read(ref _statsReceived);
    private long _statsReceived;
    private byte[] _buffer = new byte[8192];
    private int _length;

    private HubSocket(ClientWebSocket ws) { _ws = ws; }

    public static async Task<HubSocket> ConnectAsync(Uri hubUri, string token, CancellationToken ct)
    {
        var ws = new ClientWebSocket();
        ws.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings are enough
        await ws.ConnectAsync(new Uri($"{hubUri}?access_token={Uri.EscapeDataString(token)}"), ct);
        await ws.SendAsync(Handshake, WebSocketMessageType.Text, true, ct);
        var socket = new HubSocket(ws);
        // Handshake response: "{}" + RS (an error is {"error":"…"}).
        while (true)
        {
            var r = await ws.ReceiveAsync(socket._buffer.AsMemory(socket._length), ct);
            if (r.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("hub closed during handshake");
            socket._length += r.Count;
            var end = Array.IndexOf(socket._buffer, RecordSeparator, 0, socket._length);
            if (end < 0) continue;
            var reply = Encoding.UTF8.GetString(socket._buffer, 0, end);
            if (reply.Contains("error", StringComparison.Ordinal)) throw new InvalidOperationException("handshake: " + reply);
            socket._length -= end + 1;
            Buffer.BlockCopy(socket._buffer, end + 1, socket._buffer, 0, socket._length);
            return socket;
        }
    }

    public Task PingAsync(CancellationToken ct) =>
        _ws.State == WebSocketState.Open ? _ws.SendAsync(Ping, WebSocketMessageType.Text, true, ct) : Task.CompletedTask;

    /// <summary>The receive loop: until closed or cancelled.</summary>
    public async Task ReceiveLoopAsync(FanoutRecorder recorder, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                var r = await _ws.ReceiveAsync(_buffer.AsMemory(_length), ct);
                var now = DateTimeOffset.UtcNow; // before any parsing
                if (r.MessageType == WebSocketMessageType.Close) break;
                _length += r.Count;
                var start = 0;
                int end;
                while ((end = Array.IndexOf(_buffer, RecordSeparator, start, _length - start)) >= 0)
                {
                    if (recorder.Recording) Record(_buffer.AsSpan(start, end - start), now, recorder, this);
                    start = end + 1;
                }
                if (start > 0)
                {
                    _length -= start;
                    if (_length > 0) Buffer.BlockCopy(_buffer, start, _buffer, 0, _length);
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        Interlocked.Increment(ref recorder.Closed);
    }

    private static void Record(ReadOnlySpan<byte> message, DateTimeOffset now, FanoutRecorder recorder, HubSocket socket)
    {
        // {"type":1,"target":"…","arguments":[{"epoch":…,"seq":…,"name":…,"at":"…","data":{…}}]}
        // (a skill group's statistics: {"name":…,"at":"…","data":{…}}, no epoch or seq)
        if (message.Length < 10 || message[8] != (byte)'1') return; // not an invocation (pings are type 6)
        var hasAt = TryDate(message, AtKey, out var at);
        var sinceAt = (now - at).TotalMilliseconds;
        if (hasAt) recorder.DispatchToReceive.Add(sinceAt);
        if (message.IndexOf(StateTarget) >= 0)
        {
            Interlocked.Increment(ref recorder.ByKind[0]);
            if (hasAt) recorder.AgentDispatchToReceive.Add(sinceAt);
            if (TryDate(message, SinceKey, out var since)) recorder.RaiseToReceive.Add((now - since).TotalMilliseconds);
        }
        else if (message.IndexOf(StatsTarget) >= 0)
        {
            Interlocked.Increment(ref recorder.ByKind[1]);
            Interlocked.Increment(ref socket._statsReceived);
            if (hasAt) recorder.StatsDispatchToReceive.Add(sinceAt);
        }
        else Interlocked.Increment(ref recorder.ByKind[2]);
    }

    private static bool TryDate(ReadOnlySpan<byte> message, ReadOnlySpan<byte> key, out DateTimeOffset value)
    {
        value = default;
        var i = message.IndexOf(key);
        if (i < 0) return false;
        var rest = message[(i + key.Length)..];
        var q = rest.IndexOf((byte)'"');
        if (q <= 0 || q > 40) return false;
        Span<char> chars = stackalloc char[q];
        for (var k = 0; k < q; k++) chars[k] = (char)rest[k];
        return DateTimeOffset.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }

    public async Task CloseAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
        }
        catch (Exception) { }
        _ws.Dispose();
    }
}

/// <summary>REST helpers against the bench server.</summary>
public static class BenchApi
{
    public const string Password = "Quiet-Harbor-2026";

    public static HttpClient Client(Uri baseUri, string? token = null)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<(string Token, Guid UserId)> LoginAsync(Uri baseUri, string login, string domain = "demo", string password = Password)
    {
        using var client = Client(baseUri);
        var response = await client.PostAsJsonAsync("/api/v1/session/login", new { domain, login, password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"login {login}: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("user").GetProperty("userId").GetGuid());
    }

    /// <summary>One request; <paramref name="token"/> (when given) replaces the client's own bearer token.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p / 100.0) - 1, 0, sorted.Count - 1)];
}
