using System.Collections.Concurrent;
using CtiBridge.ClientSample;
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
/// A SignalR <see cref="HubConnection"/> over the TestServer's in-memory WebSocket client with the sample
/// client's transport (<see cref="WebSocketConnectionFactory"/>; the HTTP connections client package is not
/// available here): WebSockets transport, negotiation skipped, the token in <c>access_token</c>.
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
        // The integrator's sample transport (samples/CtiBridge.ClientSample) over the TestServer's in-memory WebSocket.
        builder.Services.AddSingleton<IConnectionFactory>(new WebSocketConnectionFactory(ct =>
            server.CreateWebSocketClient().ConnectAsync(new Uri($"ws://localhost/hubs/agent?access_token={Uri.EscapeDataString(accessToken)}"), ct)));
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
}
