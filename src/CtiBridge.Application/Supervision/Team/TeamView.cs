using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Supervision.Team;

/// <summary>A skill group of a team agent, and whether the agent paused it.</summary>
public sealed record TeamSkillGroupView(Guid SkillGroupId, string Name, bool Paused);

/// <summary>
/// The call a team agent is on or being offered, as the supervisor's desk shows it: the customer's number masked by the
/// tenant's rule, <see cref="Since"/> the answer (or the call's start while it rings), and the agent's own leg's
/// <see cref="Muted"/>.
/// </summary>
public sealed record TeamCallView(Guid CallId, CallDirection Direction, CallState State, string CustomerNumber, Guid? SkillGroupId,
    string? SkillGroupName, DateTimeOffset Since, bool Held, bool Muted, bool Recording);

/// <summary>
/// One agent of the supervisor's teams: <see cref="Agent"/> is the same view <c>agentStateChanged</c> carries (replace it
/// with each event's when that event's revision is higher), plus the agent's skill groups and current call.
/// </summary>
public sealed record TeamAgentView(AgentView Agent, IReadOnlyList<TeamSkillGroupView> SkillGroups, TeamCallView? Call);

/// <summary>The live team view of a supervisor: every agent of their teams (every agent of the tenant for an admin), by name.</summary>
public static class TeamView
{
    /// <summary>
    /// The agents <paramref name="userId"/> supervises, with their state, groups and current call. Refused
    /// (<c>forbidden</c>) for a user who leads no team and is no tenant admin.
    /// </summary>
    public static IReadOnlyList<TeamAgentView> Of(TenantCallCenter center, TenantSupervision supervision, Guid userId)
    {
        IEnumerable<Guid> agents;
        if (supervision.Admins.Contains(userId)) agents = center.ListAgents().Select(a => a.AgentId);
        else if (supervision.AgentsBySupervisor.TryGetValue(userId, out var team)) agents = team;
        else throw new CtiException(ErrorCodes.Forbidden, "Only supervisors of a team and admins see a team view.", ErrorKind.Forbidden);
        return center.FloorViewOf(agents)
            .Select(ViewOf)
            .OrderBy(a => a.Agent.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Agent.AgentId)
            .ToList();
    }

    /// <summary>True when <paramref name="userId"/> has a team view (leads a team or is a tenant admin).</summary>
    public static bool Has(TenantSupervision supervision, Guid userId) =>
        supervision.Admins.Contains(userId) || supervision.AgentsBySupervisor.ContainsKey(userId);

    private static TeamAgentView ViewOf(AgentOnTheFloor floor)
    {
        var agent = floor.Agent;
        var groups = floor.SkillGroups
            .Select(g => new TeamSkillGroupView(g.SkillGroupId, g.Name, agent.PausedSkillGroupIds.Contains(g.SkillGroupId)))
            .OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new TeamAgentView(agent, groups, floor.Call is { } call ? CallOf(call, agent.AgentId) : null);
    }

    private static TeamCallView CallOf(CallView call, Guid agentId)
    {
        var own = call.Parties.FirstOrDefault(p => p.AgentId == agentId);
        return new TeamCallView(call.CallId, call.Direction, call.State, call.CustomerNumber, call.SkillGroupId, call.SkillGroupName,
            call.AnsweredAt ?? call.CreatedAt, call.Held || (own?.Held ?? false), own?.Muted ?? false, call.Recording);
    }
}
