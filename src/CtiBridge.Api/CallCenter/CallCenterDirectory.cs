using System.Collections.Concurrent;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;

namespace CtiBridge.Api.CallCenter;

/// <summary>
/// What the Api knows of each loaded tenant beyond the engine: supervision (who watches whom),
/// skill-group members, and the people who are not agents. Replaced whenever a tenant is (re)loaded.
/// </summary>
public sealed class CallCenterDirectory
{
    private readonly ConcurrentDictionary<Guid, Entry> _tenants = new();

    private sealed record Entry(TenantSupervision Supervision, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> GroupMembers, IReadOnlyList<Guid> Agents,
        ILookup<Guid, Guid> GroupsOfAgent);

    public void Update(LoadedTenant loaded)
    {
        var config = loaded.Configuration;
        _tenants[config.TenantId] = new Entry(loaded.Supervision,
            config.Groups.ToDictionary(g => g.Id, g => (IReadOnlyList<Guid>)g.Members.Select(m => m.AgentId).ToList()),
            config.Agents.Select(a => a.Id).ToList(),
            config.Groups.SelectMany(g => g.Members.Select(m => (m.AgentId, GroupId: g.Id))).ToLookup(x => x.AgentId, x => x.GroupId));
    }

    public void Remove(Guid tenantId) => _tenants.TryRemove(tenantId, out _);

    public TenantSupervision Supervision(Guid tenantId) =>
        _tenants.TryGetValue(tenantId, out var e) ? e.Supervision : TenantSupervision.Empty(tenantId);

    /// <summary>The members of a skill group (empty when unknown).</summary>
    public IReadOnlyList<Guid> MembersOf(Guid tenantId, Guid groupId) =>
        _tenants.TryGetValue(tenantId, out var e) && e.GroupMembers.TryGetValue(groupId, out var m) ? m : [];

    /// <summary>
    /// The skill groups whose statistics <paramref name="userId"/> may see: an admin every group of the tenant, an agent
    /// the groups they belong to, a supervisor the groups with an agent of their teams. Only groups of
    /// <paramref name="tenantId"/>: a user is looked up in their own tenant only.
    /// </summary>
    public IReadOnlySet<Guid> SkillGroupsVisibleTo(Guid tenantId, Guid userId)
    {
        if (!_tenants.TryGetValue(tenantId, out var t)) return new HashSet<Guid>();
        if (t.Supervision.Admins.Contains(userId)) return t.GroupMembers.Keys.ToHashSet();
        // Looked up per agent (every connect, and every connection at each reload): no scan of the members lists.
        var visible = t.GroupsOfAgent[userId].ToHashSet();
        if (t.Supervision.AgentsBySupervisor.TryGetValue(userId, out var team))
            foreach (var agent in team) visible.UnionWith(t.GroupsOfAgent[agent]);
        return visible;
    }

    /// <summary>
    /// Who receives an event in their own stream: the agents it names and their supervisors; for PBX state everyone
    /// of the tenant. Skill-group statistics are not part of any stream: they go to the group's subscribers
    /// (<see cref="Hubs.SkillGroupSubscriptions"/>).
    /// </summary>
    public IEnumerable<Guid> RecipientsOf(CallCenterEvent e)
    {
        if (e is SkillGroupStatsChangedEvent) return [];
        // Monitoring is the supervisor's business: the agent hears of it only when the tenant tells monitored parties (the
        // event says whom), and the agent's other supervisors not at all.
        if (e is CtiBridge.Application.Supervision.Monitoring.MonitoringEvent) return e.Agents;
        // Callback events name everyone they are for (the escalation names the supervisors).
        if (e is CtiBridge.Application.Callbacks.CallbackEvent) return e.Agents;
        // Dial task events name their agents and supervisors.
        if (e is CtiBridge.Application.DialTasks.DialTaskEvent) return e.Agents;
        if (!_tenants.TryGetValue(e.TenantId, out var t)) return e.Agents;
        var sup = t.Supervision;
        var set = new HashSet<Guid>();
        switch (e)
        {
            case PbxConnectionChangedEvent:
                set.UnionWith(t.Agents);
                set.UnionWith(sup.Watchers);
                break;
            default:
                foreach (var a in e.Agents) { set.Add(a); set.UnionWith(sup.WatchersOf(a)); }
                break;
        }
        return set;
    }
}
