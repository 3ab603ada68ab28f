using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Callbacks;

/// <summary>Callbacks as responses (names, the tenant's time zone) and the events about them (who is told, who is online).</summary>
public sealed class CallbackNotifier(CtiDbContext db, CallCenterService centers, ICallCenterEventSink events)
{
    /// <summary>True when the agent is logged in to the tenant's call center now.</summary>
    public bool IsOnline(Guid tenantId, Guid agentId) =>
        centers.FindTenant(tenantId) is { } center && center.HasAgent(agentId) && center.GetAgent(agentId).Status != AgentStatus.LoggedOut;

    /// <summary>The group's agents logged in now.</summary>
    public IReadOnlyList<Guid> OnlineMembers(Guid tenantId, Guid groupId)
    {
        if (centers.FindTenant(tenantId) is not { } center) return [];
        return center.ListAgents().Where(a => a.Status != AgentStatus.LoggedOut && center.GroupsOf(a.AgentId).Contains(groupId))
            .Select(a => a.AgentId).ToList();
    }

    /// <summary>The supervisors of the callback's team (else of its agent's teams).</summary>
    public async Task<IReadOnlyList<Guid>> SupervisorsOfAsync(Callback c, CancellationToken ct)
    {
        db.ScopeToTenant(c.TenantId);
        var teams = new List<Guid>();
        if (c.TeamId is { } t) teams.Add(t);
        else if (c.AssignedUserId is { } a) teams.AddRange(await db.TeamMembers.Where(m => m.UserId == a).Select(m => m.TeamId).ToListAsync(ct));
        return await db.TeamSupervisors.Where(s => teams.Contains(s.TeamId)).Select(s => s.UserId).Distinct().ToListAsync(ct);
    }

    public void Due(CallbackView view, IReadOnlyList<Guid> recipients, bool offeredToGroup, Guid tenantId) =>
        events.Publish(new CallbackDueEvent(tenantId, view, recipients, offeredToGroup));

    public void Escalated(CallbackView view, IReadOnlyList<Guid> supervisors, CallbackEscalationReason reason, Guid tenantId) =>
        events.Publish(new CallbackEscalatedEvent(tenantId, view, supervisors, reason));

    /// <summary>Tells its agent (or its group's online agents) and <paramref name="alsoTell"/> (the agent it was taken from) that it changed.</summary>
    public void Updated(Guid tenantId, CallbackView view, Guid? alsoTell)
    {
        var to = new HashSet<Guid>();
        if (view.AgentId is { } a) to.Add(a);
        else if (view.SkillGroupId is { } g) to.UnionWith(OnlineMembers(tenantId, g));
        if (alsoTell is { } other) to.Add(other);
        if (to.Count > 0) events.Publish(new CallbackUpdatedEvent(tenantId, view, to.ToList()));
    }

    /// <summary>Responses with contact, agent and group names, times in the tenant's zone.</summary>
    public async Task<List<CallbackView>> ViewsAsync(Guid tenantId, IReadOnlyList<Callback> rows, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        var zone = TenantTimeZone.Of(await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Settings.TimeZone).FirstOrDefaultAsync(ct));
        var contactIds = rows.Where(r => r.ContactId is not null).Select(r => r.ContactId!.Value).Distinct().ToList();
        var userIds = rows.Where(r => r.AssignedUserId is not null).Select(r => r.AssignedUserId!.Value).Distinct().ToList();
        var groupIds = rows.Where(r => r.SkillGroupId is not null).Select(r => r.SkillGroupId!.Value).Distinct().ToList();
        var contacts = contactIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var users = userIds.Count == 0 ? new Dictionary<Guid, string>()
            : (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Username }).ToListAsync(ct))
                .ToDictionary(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName);
        var groups = groupIds.Count == 0 ? new Dictionary<Guid, string>()
            : await db.SkillGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        return rows.Select(c => new CallbackView(
            c.Id, c.Status, c.CustomerNumber, c.ContactId, c.ContactId is { } ci ? contacts.GetValueOrDefault(ci) : null,
            c.DueAt.ToUniversalTime(), zone.Format(c.DueAt), zone.Id, c.Notes,
            c.AssignedUserId, c.AssignedUserId is { } ui ? users.GetValueOrDefault(ui) : null,
            c.SkillGroupId, c.SkillGroupId is { } gi ? groups.GetValueOrDefault(gi) : null, c.TeamId,
            c.CreatedByUserId, c.CreatedAt.ToUniversalTime(), c.ReminderSentAt?.ToUniversalTime(), c.EscalatedAt?.ToUniversalTime(),
            c.CompletedAt?.ToUniversalTime(), c.Result, c.CallId)).ToList();
    }
}
