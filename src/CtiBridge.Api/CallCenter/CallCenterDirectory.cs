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

    private sealed record Entry(TenantSupervision Supervision, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> GroupMembers, IReadOnlyList<Guid> Agents);

    public void Update(LoadedTenant loaded)
    {
        var config = loaded.Configuration;
        _tenants[config.TenantId] = new Entry(loaded.Supervision,
            config.Groups.ToDictionary(g => g.Id, g => (IReadOnlyList<Guid>)g.Members.Select(m => m.AgentId).ToList()),
            config.Agents.Select(a => a.Id).ToList());
    }

    public void Remove(Guid tenantId) => _tenants.TryRemove(tenantId, out _);

    public TenantSupervision Supervision(Guid tenantId) =>
        _tenants.TryGetValue(tenantId, out var e) ? e.Supervision : TenantSupervision.Empty(tenantId);

    /// <summary>The members of a skill group (empty when unknown).</summary>
    public IReadOnlyList<Guid> MembersOf(Guid tenantId, Guid groupId) =>
        _tenants.TryGetValue(tenantId, out var e) && e.GroupMembers.TryGetValue(groupId, out var m) ? m : [];

    /// <summary>The skill groups that have at least one of <paramref name="agents"/> as a member.</summary>
    public IEnumerable<Guid> GroupsWithAny(Guid tenantId, IReadOnlySet<Guid> agents) =>
        _tenants.TryGetValue(tenantId, out var e) ? e.GroupMembers.Where(kv => kv.Value.Any(agents.Contains)).Select(kv => kv.Key) : [];

    /// <summary>
    /// Who receives an event in their own stream: the agents it names and their supervisors; for
    /// skill-group stats the group's members and their supervisors; for PBX state everyone of the tenant.
    /// </summary>
    public IEnumerable<Guid> RecipientsOf(CallCenterEvent e)
    {
        if (!_tenants.TryGetValue(e.TenantId, out var t)) return e.Agents;
        var sup = t.Supervision;
        var set = new HashSet<Guid>();
        switch (e)
        {
            case SkillGroupStatsChangedEvent stats:
                if (t.GroupMembers.TryGetValue(stats.Stats.SkillGroupId, out var members))
                    foreach (var m in members) { set.Add(m); set.UnionWith(sup.WatchersOf(m)); }
                set.UnionWith(sup.Admins);
                break;
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
