using System.Collections.Concurrent;
using System.Text.Json;
using CtiBridge.ClientSample;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>
/// A hub connection as the sample client builds it (<see cref="CtiHub"/>: SignalR's .NET client, <c>WithUrl</c>), over the
/// TestServer: negotiation through its in-memory handler, then its in-memory WebSocket, with the token (or the API key)
/// in the request headers as the .NET client sends them.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    public HubConnection Connection { get; }
    /// <summary>Every message received, in arrival order: stream envelopes and skill groups' statistics.</summary>
    public ConcurrentQueue<JsonElement> Received { get; } = new();

    private TestHub(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in CtiHub.EventNames)
            connection.On<JsonElement>(name, e => Received.Enqueue(e));
    }

    /// <summary>The sample's hub connection options for a TestServer (plus the caller's authentication).</summary>
    public static Action<HttpConnectionOptions> Over(TestServer server, Action<HttpConnectionOptions> authenticate) => o =>
    {
        authenticate(o);
        o.Transports = HttpTransportType.WebSockets;
        o.HttpMessageHandlerFactory = _ => server.CreateHandler();
        o.WebSocketFactory = async (context, ct) =>
        {
            // A custom factory sets the headers itself (the default one sends the token as Authorization: Bearer).
            var token = context.Options.AccessTokenProvider is { } provider ? await provider() : null;
            var client = server.CreateWebSocketClient();
            client.ConfigureRequest = request =>
            {
                if (token is not null) request.Headers.Authorization = "Bearer " + token;
                foreach (var (name, value) in context.Options.Headers) request.Headers[name] = value;
            };
            return await client.ConnectAsync(context.Uri, ct);
        };
    };

    public static Task<TestHub> ConnectAsync(TestServer server, string accessToken) =>
        StartAsync(CtiHub.Build(new Uri("http://localhost/hubs/agent"), Over(server, o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))));

    /// <summary>An integrator's connection: API key, following <paramref name="agentId"/>.</summary>
    public static Task<TestHub> ConnectWithApiKeyAsync(TestServer server, string apiKey, Guid agentId) =>
        StartAsync(CtiHub.Build(new Uri($"http://localhost/hubs/agent?agentId={agentId:D}"), Over(server, o => o.Headers["X-Api-Key"] = apiKey)));

    private static async Task<TestHub> StartAsync(HubConnection connection)
    {
        var hub = new TestHub(connection);
        await hub.Connection.StartAsync();
        return hub;
    }

    /// <summary>Also records the events <paramref name="names"/> (the sample client listens to the call center's events only).</summary>
    public TestHub Listen(params string[] names)
    {
        foreach (var name in names) Connection.On<JsonElement>(name, e => Received.Enqueue(e));
        return this;
    }

    /// <summary>The resumable stream's envelopes received (they carry <c>seq</c>), in arrival order.</summary>
    public IReadOnlyList<JsonElement> Events => Received.Where(e => e.TryGetProperty("seq", out _)).ToList();

    /// <summary>The skill groups' statistics received (group messages: no <c>seq</c>), in arrival order.</summary>
    public IReadOnlyList<JsonElement> Stats => Received.Where(e => !e.TryGetProperty("seq", out _)).ToList();

    /// <summary>The statistics received of the skill group <paramref name="name"/>.</summary>
    public IReadOnlyList<JsonElement> StatsOf(string name) =>
        Stats.Where(e => e.GetProperty("data").GetProperty("stats").GetProperty("name").GetString() == name).ToList();

    public IReadOnlyList<string> Names(Func<JsonElement, bool>? filter = null) =>
        Events.Where(e => filter?.Invoke(e) ?? true).Select(e => e.GetProperty("name").GetString()!).ToList();

    /// <summary>Waits until a stream event satisfies <paramref name="predicate"/>.</summary>
    public Task<JsonElement> WaitForAsync(Func<JsonElement, bool> predicate, string what) => WaitAsync(() => Events, predicate, what);

    /// <summary>Waits until a statistics message satisfies <paramref name="predicate"/> (any, when null).</summary>
    public Task<JsonElement> WaitForStatsAsync(string what, Func<JsonElement, bool>? predicate = null) =>
        WaitAsync(() => Stats, predicate ?? (_ => true), what);

    private async Task<JsonElement> WaitAsync(Func<IReadOnlyList<JsonElement>> source, Func<JsonElement, bool> predicate, string what)
    {
        for (var i = 0; i < 250; i++)
        {
            var hit = source().FirstOrDefault(predicate);
            if (hit.ValueKind != JsonValueKind.Undefined) return hit;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"no message: {what}; got {string.Join(", ", Received.Select(e => e.GetProperty("name").GetString()))}");
    }

    public Task<JsonElement> WaitForStateAsync(string status) =>
        WaitForAsync(e => e.GetProperty("name").GetString() == "agentStateChanged"
                          && e.GetProperty("data").GetProperty("agent").GetProperty("status").GetString() == status, "agent " + status);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
