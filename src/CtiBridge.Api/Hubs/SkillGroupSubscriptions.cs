using System.Collections.Concurrent;
using CtiBridge.Api.CallCenter;
using Microsoft.AspNetCore.SignalR;

namespace CtiBridge.Api.Hubs;

/// <summary>
/// Which skill groups' statistics each hub connection receives. A skill group's statistics go as one message to the
/// SignalR group <c>skill-group:&lt;tenant&gt;:&lt;group&gt;</c> (<see cref="GroupName"/>), not through the users'
/// resumable streams: one serialization and one group send per change, whatever the number of subscribers. A
/// connection joins the groups its user may see (<see cref="CallCenterDirectory.SkillGroupsVisibleTo"/>: an agent's own
/// groups, a supervisor's teams' groups, every group for an admin) of the tenant of its token only, and is moved in and
/// out when a tenant reload changes membership or teams (<see cref="RefreshAsync"/>).
/// </summary>
public sealed class SkillGroupSubscriptions(IHubContext<AgentHub> hub, CallCenterDirectory directory)
{
    private readonly ConcurrentDictionary<string, Subscriber> _connections = new();

    private sealed class Subscriber(Guid tenant, Guid user)
    {
        public Guid Tenant { get; } = tenant;
        public Guid User { get; } = user;
        public IReadOnlySet<Guid> Groups { get; set; } = new HashSet<Guid>();
        // A connect and a tenant reload may sync the same connection at once: one at a time, so the last one wins.
        public SemaphoreSlim Gate { get; } = new(1, 1);
    }

    /// <summary>The SignalR group of one skill group's subscribers. The tenant is part of the name.</summary>
    public static string GroupName(Guid tenantId, Guid skillGroupId) => $"skill-group:{tenantId:D}:{skillGroupId:D}";

    /// <summary>Joins a new connection to the groups its user may see.</summary>
    public async Task JoinAsync(string connectionId, Guid tenantId, Guid userId, CancellationToken ct = default)
    {
        var subscriber = new Subscriber(tenantId, userId);
        _connections[connectionId] = subscriber;
        await SyncAsync(connectionId, subscriber, ct);
    }

    /// <summary>Forgets a closed connection (SignalR has already taken it out of its groups).</summary>
    public void Leave(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>The skill groups a connection currently receives (empty when unknown).</summary>
    public IReadOnlySet<Guid> GroupsOf(string connectionId) =>
        _connections.TryGetValue(connectionId, out var s) ? s.Groups : new HashSet<Guid>();

    /// <summary>The SignalR group names a connection is in (for tests and diagnostics).</summary>
    public IReadOnlyList<string> GroupNamesOf(string connectionId) =>
        _connections.TryGetValue(connectionId, out var s) ? s.Groups.Select(g => GroupName(s.Tenant, g)).ToList() : [];

    /// <summary>After a tenant (re)load: moves each of the tenant's connections into the groups its user may see now.</summary>
    public async Task RefreshAsync(Guid tenantId, CancellationToken ct = default)
    {
        foreach (var (id, subscriber) in _connections)
            if (subscriber.Tenant == tenantId) await SyncAsync(id, subscriber, ct);
    }

    private async Task SyncAsync(string connectionId, Subscriber s, CancellationToken ct)
    {
        await s.Gate.WaitAsync(ct);
        try
        {
            if (!_connections.ContainsKey(connectionId)) return; // closed meanwhile
            var wanted = directory.SkillGroupsVisibleTo(s.Tenant, s.User);
            foreach (var g in wanted.Except(s.Groups)) await hub.Groups.AddToGroupAsync(connectionId, GroupName(s.Tenant, g), ct);
            foreach (var g in s.Groups.Except(wanted)) await hub.Groups.RemoveFromGroupAsync(connectionId, GroupName(s.Tenant, g), ct);
            s.Groups = wanted;
        }
        finally { s.Gate.Release(); }
    }
}
