using System.Collections.Concurrent;
using CtiBridge.Api.Events;
using CtiBridge.Api.Hubs;
using CtiBridge.Application.Events;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>
/// Statistics are sent beside the event dispatcher: one send per group at a time, the newest figures replacing the ones
/// still waiting, and no per-user event held back behind a group's thousand writes.
/// </summary>
public class SkillGroupBroadcasterTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    private static SkillGroupStatsChangedEvent Stats(Guid group, int ready) =>
        new(Tenant, new SkillGroupStats(group, "G", 0, 0, ready, ready, ready));

    private static SkillGroupMessage MessageOf(SkillGroupStatsChangedEvent e) => new(e.Name, DateTimeOffset.UtcNow, e);

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 500 && !done(); i++) await Task.Delay(10);
        Assert.True(done(), what);
    }

    [Fact]
    public async Task A_message_posted_while_its_group_is_being_sent_replaces_the_one_waiting_and_goes_next()
    {
        var hub = new GatedHub(group => true);
        var broadcaster = new SkillGroupBroadcaster(hub, NullLogger<SkillGroupBroadcaster>.Instance);
        var group = Guid.NewGuid();
        var sent = new ConcurrentQueue<int>();

        foreach (var ready in new[] { 1, 2, 3 })
            broadcaster.Post(Stats(group, ready), MessageOf(Stats(group, ready)), System.Diagnostics.Stopwatch.GetTimestamp(), _ => sent.Enqueue(ready));
        await UntilAsync(() => hub.Started.Count == 1, "the first send started");
        Assert.Equal(2, broadcaster.InFlight); // the one being written and the newest waiting; the middle one is gone

        hub.Open();
        await UntilAsync(() => broadcaster.InFlight == 0, "every send finished");
        Assert.Equal([1, 3], hub.Sent.Select(ReadyIn));
        Assert.Equal([1, 3], sent);
    }

    [Fact]
    public async Task A_slow_group_holds_back_no_other_group()
    {
        var slow = Guid.NewGuid();
        var hub = new GatedHub(name => name == SkillGroupSubscriptions.GroupName(Tenant, slow));
        var broadcaster = new SkillGroupBroadcaster(hub, NullLogger<SkillGroupBroadcaster>.Instance);
        var other = Guid.NewGuid();

        broadcaster.Post(Stats(slow, 1), MessageOf(Stats(slow, 1)), System.Diagnostics.Stopwatch.GetTimestamp());
        broadcaster.Post(Stats(other, 7), MessageOf(Stats(other, 7)), System.Diagnostics.Stopwatch.GetTimestamp());

        await UntilAsync(() => hub.Sent.Any(m => ReadyIn(m) == 7), "the other group's statistics were sent");
        Assert.DoesNotContain(hub.Sent, m => ReadyIn(m) == 1);
        hub.Open();
        await UntilAsync(() => broadcaster.InFlight == 0, "the slow group's send finished");
        Assert.Contains(hub.Sent, m => ReadyIn(m) == 1);
    }

    [Fact]
    public async Task A_state_change_reaches_the_agent_while_a_statistics_send_has_not_finished()
    {
        GatedHub? gated = null;
        using var root = new CtiApiFactory();
        using var host = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(sp =>
            new SkillGroupBroadcaster(gated = new GatedHub(name => name.StartsWith("skill-group:", StringComparison.Ordinal),
                sp.GetRequiredService<IHubContext<AgentHub>>()), NullLogger<SkillGroupBroadcaster>.Instance)))));
        var session = await Login(host, "agent1");
        var agent = await Client(host, session.AccessToken);
        await using var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);

        await agent.LoginReadyAsync(); // Sales' statistics change: their send blocks until the gate opens
        await UntilAsync(() => gated is { Started.Count: > 0 }, "a statistics send started");
        await hub.WaitForStateAsync("Ready");
        (await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Break" })).EnsureSuccessStatusCode();
        await hub.WaitForStateAsync("NotReady");
        Assert.Empty(hub.Stats); // still held at the gate

        gated!.Open();
        await hub.WaitForStatsAsync("Sales' statistics after the gate opened", _ => true);
    }

    private static async Task<Application.Auth.SessionResponse> Login(WebApplicationFactory<Program> host, string login)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login, password = CtiApiFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Application.Auth.SessionResponse>(CtiApiFactory.Json))!;
    }

    private static Task<HttpClient> Client(WebApplicationFactory<Program> host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return Task.FromResult(client);
    }

    private static int ReadyIn(object?[] args) => ((SkillGroupStatsChangedEvent)((SkillGroupMessage)args[0]!).Data).Stats.AgentsReady;

    /// <summary>
    /// A hub context whose sends to the groups <c>gated</c> selects wait until <see cref="Open"/>; every other call goes
    /// to <c>inner</c> (or nowhere when there is none).
    /// </summary>
    private sealed class GatedHub(Func<string, bool> gated, IHubContext<AgentHub>? inner = null) : IHubContext<AgentHub>
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IHubContext<AgentHub>? Inner => inner;
        private bool IsGated(string group) => gated(group);
        public ConcurrentQueue<object?[]> Started { get; } = new();
        public ConcurrentQueue<object?[]> Sent { get; } = new();
        public void Open() => _gate.TrySetResult();

        public IHubClients Clients => new GatedClients(this);
        public IGroupManager Groups => inner!.Groups;

        private sealed class GatedClients(GatedHub owner) : IHubClients
        {
            private IHubClients Inner => owner.Inner!.Clients;
            public IClientProxy Group(string groupName) => new Proxy(owner, owner.Inner?.Clients.Group(groupName), owner.IsGated(groupName));
            public IClientProxy All => Inner.All;
            public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => Inner.AllExcept(excludedConnectionIds);
            public IClientProxy Client(string connectionId) => Inner.Client(connectionId);
            public IClientProxy Clients(IReadOnlyList<string> connectionIds) => Inner.Clients(connectionIds);
            public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Inner.GroupExcept(groupName, excludedConnectionIds);
            public IClientProxy Groups(IReadOnlyList<string> groupNames) => Inner.Groups(groupNames);
            public IClientProxy User(string userId) => Inner.User(userId);
            public IClientProxy Users(IReadOnlyList<string> userIds) => Inner.Users(userIds);
        }

        private sealed class Proxy(GatedHub owner, IClientProxy? inner, bool gate) : IClientProxy
        {
            public async Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
            {
                if (gate)
                {
                    owner.Started.Enqueue(args);
                    await owner._gate.Task.WaitAsync(cancellationToken);
                }
                if (inner is not null) await inner.SendCoreAsync(method, args, cancellationToken);
                owner.Sent.Enqueue(args);
            }
        }
    }
}
