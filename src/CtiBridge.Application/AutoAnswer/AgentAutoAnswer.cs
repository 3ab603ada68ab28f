using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.AutoAnswer;

/// <summary>
/// Auto-answer as the agent's own setting: offered calls are answered without a click (the browser softphone answers
/// by itself; desk phones get the SIP auto-answer headers). Admins set it in the agent's profile
/// (<c>PUT /admin/users/{id}</c>); the agent — or a supervisor or admin acting for her — switches it here when
/// the tenant's <c>AgentsMayChooseAutoAnswer</c> allows it (admins always may). Stored in the profile, so it outlives
/// the session, and applied to the live agent at once.
/// </summary>
public sealed class AgentAutoAnswer(CtiDbContext db)
{
    /// <summary>The agent's tenant does not let agents choose auto-answer (403).</summary>
    public const string NotAllowed = "auto_answer_not_allowed";

    public async Task<AgentView> SetAsync(TenantCallCenter center, Guid agentId, bool enabled, bool callerIsAdmin, CancellationToken ct = default)
    {
        var agent = center.GetAgent(agentId); // agent_not_found first
        if (!callerIsAdmin && !agent.AutoAnswerChangeable)
            throw new CtiException(NotAllowed, "Your company does not let agents change auto-answer; ask an administrator.", ErrorKind.Forbidden);
        var profile = await db.ScopeToTenant(center.TenantId).AgentProfiles.FirstOrDefaultAsync(p => p.UserId == agentId, ct)
            ?? throw new CtiException(ErrorCodes.AgentNotFound, "No such agent.", ErrorKind.NotFound);
        if (profile.AutoAnswer != enabled)
        {
            profile.AutoAnswer = enabled;
            await db.SaveChangesAsync(ct);
        }
        return center.SetAutoAnswer(agentId, enabled);
    }
}
