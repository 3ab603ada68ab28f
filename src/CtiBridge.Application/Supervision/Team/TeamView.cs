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
    string? SkillGroupName, DateTimeOffset Since, bool Held, bool Muted, bool Recording, bool Consultation = false, bool Conference = false);

/// <summary>A team of a team agent.</summary>
public sealed record TeamRef(Guid TeamId, string Name);

/// <summary>
/// The agent's phone as the PBX knows it: the endpoint calls ring (a hot-desk phone when she signed in on one) and whether
/// it is registered (null for a remote agent reached on an outside number: nothing registers).
/// </summary>
public sealed record TeamPhoneView(string Endpoint, bool? Registered);

/// <summary>
/// One agent of the supervisor's teams: <see cref="Agent"/> is the same view <c>agentStateChanged</c> carries (replace it
/// with each event's when that event's revision is higher), plus the agent's skill groups, current call (with
/// consultation and conference markers), teams and phone registration (<c>phoneRegistrationChanged</c> keeps it current).
/// </summary>
public sealed record TeamAgentView(AgentView Agent, IReadOnlyList<TeamSkillGroupView> SkillGroups, TeamCallView? Call,
    IReadOnlyList<TeamRef>? Teams = null, TeamPhoneView? Phone = null);

/// <summary>The live team view of a supervisor: every agent of their teams (every agent of the tenant for an admin), by name.</summary>
public static class TeamView
{
    /// <summary>
    /// The agents <paramref name="userId"/> supervises, with their state, groups and current call. Refused
    /// (<c>forbidden</c>) for a user who leads no team and is no tenant admin.
    /// </summary>
    public static IReadOnlyList<TeamAgentView> Of(TenantCallCenter center, TenantSupervision supervision, Guid userId,
        Func<string, bool>? isRegistered = null)
    {
        IEnumerable<Guid> agents;
        if (supervision.Admins.Contains(userId)) agents = center.ListAgents().Select(a => a.AgentId);
        else if (supervision.AgentsBySupervisor.TryGetValue(userId, out var team)) agents = team;
        else throw new CtiException(ErrorCodes.Forbidden, "Only supervisors of a team and admins see a team view.", ErrorKind.Forbidden);
        return center.FloorViewOf(agents)
            .Select(f => ViewOf(f, supervision, isRegistered))
            .OrderBy(a => a.Agent.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Agent.AgentId)
            .ToList();
    }

    /// <summary>True when <paramref name="userId"/> has a team view (leads a team or is a tenant admin).</summary>
    public static bool Has(TenantSupervision supervision, Guid userId) =>
        supervision.Admins.Contains(userId) || supervision.AgentsBySupervisor.ContainsKey(userId);

    private static TeamAgentView ViewOf(AgentOnTheFloor floor, TenantSupervision supervision, Func<string, bool>? isRegistered)
    {
        var agent = floor.Agent;
        var groups = floor.SkillGroups
            .Select(g => new TeamSkillGroupView(g.SkillGroupId, g.Name, agent.PausedSkillGroupIds.Contains(g.SkillGroupId)))
            .OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var teams = floor.TeamIds.Where(supervision.TeamNames.ContainsKey).Select(t => new TeamRef(t, supervision.TeamNames[t]))
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        // Only SIP endpoints register; a remote agent's outside number does not.
        var registered = floor.Endpoint.StartsWith("PJSIP/", StringComparison.OrdinalIgnoreCase) && isRegistered is not null
            ? isRegistered(floor.Endpoint) : (bool?)null;
        return new TeamAgentView(agent, groups, floor.Call is { } call ? CallOf(call, agent.AgentId) : null, teams,
            new TeamPhoneView(floor.Endpoint, registered));
    }

    private static TeamCallView CallOf(CallView call, Guid agentId)
    {
        var own = call.Parties.FirstOrDefault(p => p.AgentId == agentId);
        var consultation = call.ConsultLegOwner is not null || call.Parties.Any(p => p.State == PartyState.Consulting);
        // A conference: more than two parties talking together, and not a consultation (its target is a third party too).
        var conference = !consultation && call.Parties.Count(p => p.State == PartyState.Connected) > 2;
        return new TeamCallView(call.CallId, call.Direction, call.State, call.CustomerNumber, call.SkillGroupId, call.SkillGroupName,
            call.AnsweredAt ?? call.CreatedAt, call.Held || (own?.Held ?? false), own?.Muted ?? false, call.Recording, consultation, conference);
    }
}
