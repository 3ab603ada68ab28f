using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Supervision.Queues;

/// <summary>
/// A supervisor's skill groups and what they may do with the calls waiting there: see each group's live figures, move a
/// call up or down, move it to another group, hand it to a chosen Ready agent. A supervisor's groups are the groups with
/// an agent of their teams (the same groups whose statistics their hub connection receives); a tenant admin's are all
/// groups. The rules live here; the call center only carries the moves out.
/// </summary>
public static class WaitingCallActions
{
    /// <summary>The skill groups <paramref name="userId"/> supervises; <c>forbidden</c> for a user who leads no team and is no admin.</summary>
    public static IReadOnlySet<Guid> GroupsOf(TenantCallCenter center, TenantSupervision supervision, Guid userId)
    {
        if (supervision.Admins.Contains(userId)) return center.GroupIds().ToHashSet();
        if (!supervision.AgentsBySupervisor.TryGetValue(userId, out var team))
            throw new CtiException(ErrorCodes.Forbidden, "Only supervisors of a team and admins act on skill groups.", ErrorKind.Forbidden);
        var groups = new HashSet<Guid>();
        foreach (var agent in team)
            if (center.HasAgent(agent)) groups.UnionWith(center.GroupsOf(agent));
        return groups;
    }

    /// <summary>The live figures (waiting callers, agents by state, today's figures) of the supervisor's groups, by name.</summary>
    public static IReadOnlyList<SkillGroupStats> Dashboard(TenantCallCenter center, TenantSupervision supervision, Guid userId)
    {
        var mine = GroupsOf(center, supervision, userId);
        return center.ListGroupStats().Where(s => mine.Contains(s.SkillGroupId))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.SkillGroupId).ToList();
    }

    /// <summary>Moves a waiting call to another position of its group's list.</summary>
    public static void Move(TenantCallCenter center, TenantSupervision supervision, Guid userId, Guid groupId, Guid callId, int position)
    {
        RequireMine(center, supervision, userId, groupId);
        center.MoveWaitingCall(groupId, callId, position);
    }

    /// <summary>Moves a waiting call to another of the supervisor's groups.</summary>
    public static void MoveToGroup(TenantCallCenter center, TenantSupervision supervision, Guid userId, Guid groupId, Guid callId, Guid targetGroupId)
    {
        RequireMine(center, supervision, userId, groupId);
        RequireMine(center, supervision, userId, targetGroupId);
        center.MoveWaitingCallToGroup(groupId, callId, targetGroupId);
    }

    /// <summary>Offers a waiting call of the supervisor's group to a Ready agent of their teams now.</summary>
    public static void HandTo(TenantCallCenter center, TenantSupervision supervision, Guid userId, Guid groupId, Guid callId, Guid agentId)
    {
        RequireMine(center, supervision, userId, groupId);
        if (!center.HasAgent(agentId))
            throw new CtiException(ErrorCodes.AgentNotFound, "No such agent in this tenant.", ErrorKind.NotFound);
        if (!supervision.MaySupervise(userId, agentId))
            throw new CtiException(ErrorCodes.NotYourAgent, "This agent is not in one of your teams.", ErrorKind.Forbidden);
        center.HandWaitingCallTo(groupId, callId, agentId);
    }

    private static void RequireMine(TenantCallCenter center, TenantSupervision supervision, Guid userId, Guid groupId)
    {
        var mine = GroupsOf(center, supervision, userId);
        if (mine.Contains(groupId)) return;
        if (!center.GroupIds().Contains(groupId))
            throw new CtiException(ErrorCodes.SkillGroupNotFound, "No such skill group.", ErrorKind.NotFound);
        throw new CtiException(ErrorCodes.NotYourSkillGroup, "None of your teams' agents is in this skill group.", ErrorKind.Forbidden);
    }
}
