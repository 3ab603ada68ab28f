using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>
/// A SignalR <see cref="HubConnection"/> over the TestServer's in-memory WebSocket client (the HTTP
/// connections client package is not available here): WebSockets transport, negotiation skipped, the
/// token in <c>access_token</c>.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    private static readonly string[] EventNames =
        ["agentStateChanged", "callOffered", "callStateChanged", "participantsChanged", "callEnded", "skillGroupStatsChanged", "phoneRegistrationChanged", "pbxConnectionChanged"];

    public HubConnection Connection { get; }
    /// <summary>Every envelope received, in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Received { get; } = new();

    private TestHub(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in EventNames)
            connection.On<JsonElement>(name, e => Received.Enqueue(e));
    }

    public static async Task<TestHub> ConnectAsync(TestServer server, string accessToken)
    {
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(new WebSocketConnectionFactory(server, accessToken));
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(new Uri("ws://localhost/hubs/agent")));
        builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var hub = new TestHub(builder.Build());
        await hub.Connection.StartAsync();
        return hub;
    }

    public IReadOnlyList<JsonElement> Events => Received.ToList();

    public IReadOnlyList<string> Names(Func<JsonElement, bool>? filter = null) =>
        Events.Where(e => filter?.Invoke(e) ?? true).Select(e => e.GetProperty("name").GetString()!).ToList();

    /// <summary>Waits until an event satisfies <paramref name="predicate"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> predicate, string what)
    {
        for (var i = 0; i < 250; i++)
        {
            var hit = Events.FirstOrDefault(predicate);
            if (hit.ValueKind != JsonValueKind.Undefined) return hit;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"no event: {what}; got {string.Join(", ", Names())}");
    }

    public Task<JsonElement> WaitForStateAsync(string status) =>
        WaitForAsync(e => e.GetProperty("name").GetString() == "agentStateChanged"
                          && e.GetProperty("data").GetProperty("agent").GetProperty("status").GetString() == status, "agent " + status);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private sealed class WebSocketConnectionFactory(TestServer server, string token) : IConnectionFactory
    {
        public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken ct = default)
        {
            var client = server.CreateWebSocketClient();
            var socket = await client.ConnectAsync(new Uri($"ws://localhost/hubs/agent?access_token={Uri.EscapeDataString(token)}"), ct);
            return new WebSocketConnection(socket);
        }
    }

    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly WebSocket _socket;
        private readonly Pipe _input = new();
        private readonly Pipe _output = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _receiving;
        private readonly Task _sending;

        public WebSocketConnection(WebSocket socket)
        {
            _socket = socket;
            Transport = new Duplex(_input.Reader, _output.Writer);
            _receiving = ReceiveAsync();
            _sending = SendAsync();
        }

        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
        public override IDuplexPipe Transport { get; set; }

        private async Task ReceiveAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var memory = _input.Writer.GetMemory(4096);
                    var result = await _socket.ReceiveAsync(memory, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    _input.Writer.Advance(result.Count);
                    if (result.EndOfMessage) await _input.Writer.FlushAsync();
                }
            }
            catch (Exception) { }
            await _input.Writer.CompleteAsync();
        }

        private async Task SendAsync()
        {
            try
            {
                while (true)
                {
                    var result = await _output.Reader.ReadAsync(_stop.Token);
                    foreach (var segment in result.Buffer)
                        await _socket.SendAsync(segment, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
                    _output.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted) break;
                }
            }
            catch (Exception) { }
            await _output.Reader.CompleteAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None); } catch (Exception) { }
            _stop.Cancel();
            await Task.WhenAll(_receiving, _sending);
            _socket.Dispose();
        }

        private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input { get; } = input;
            public PipeWriter Output { get; } = output;
        }
    }
}
