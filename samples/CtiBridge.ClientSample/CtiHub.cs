using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.ClientSample;

/// <summary>
/// The connection to CtiBridge's event hub (<c>/hubs/agent</c>) with SignalR's .NET client: JSON with enums as strings
/// (as the server writes them) and automatic reconnect. How to authenticate is the caller's: an integrator sends its API
/// key in <c>X-Api-Key</c> and names the agent it follows (<see cref="ForApiKey"/>); a signed-in user gives an access token
/// (<c>o.AccessTokenProvider</c>).
/// </summary>
public static class CtiHub
{
    /// <summary>The server→client methods: the resumable stream's events, and a skill group's statistics (group messages).</summary>
    public static readonly string[] EventNames =
        ["agentStateChanged", "callOffered", "callStateChanged", "participantsChanged", "callEnded", "skillGroupStatsChanged", "phoneRegistrationChanged", "pbxConnectionChanged"];

    /// <summary>A hub connection to <paramref name="hubUrl"/>, not started.</summary>
    public static HubConnection Build(Uri hubUrl, Action<HttpConnectionOptions> configure) =>
        new HubConnectionBuilder()
            .WithUrl(hubUrl, configure)
            .WithAutomaticReconnect() // 0, 2, 10, 30 s; after that Closed is raised and the caller starts again
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    /// <summary>An integrator's connection: the API key in <c>X-Api-Key</c>, following the agent <paramref name="agentId"/>.</summary>
    public static HubConnection ForApiKey(Uri baseUrl, string apiKey, Guid agentId) =>
        Build(new Uri(baseUrl, $"/hubs/agent?agentId={agentId:D}"), o => o.Headers["X-Api-Key"] = apiKey);
}
