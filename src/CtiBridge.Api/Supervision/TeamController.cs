using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Supervision.Team;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Supervision;

/// <summary>
/// The supervisor's live team view: every agent of their teams (a tenant admin: every agent) with state, reason, time in
/// state, pending state, working mode, skill groups and per-group pause, current call and device availability. The same
/// list is in the supervisor's SignalR snapshot (<c>snapshot.team</c>); afterwards <c>agentStateChanged</c>,
/// <c>callOffered</c>, <c>callStateChanged</c> and <c>callEnded</c> of those agents arrive in the supervisor's own stream,
/// and nothing of other teams' agents.
/// </summary>
[ApiController]
[Route("api/v1/supervision/team")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class TeamController(CallCenterAccess access, CallCenterDirectory directory, Events.PhoneRegistry phones) : ControllerBase
{
    /// <summary>The agents of your teams, by name.</summary>
    /// <response code="200">The team's agents (the customer's number masked by the tenant's rule).</response>
    /// <response code="403"><c>forbidden</c>: not a supervisor of a team nor a tenant admin (agents and API keys included).</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<TeamAgentView>>(200)]
    public IReadOnlyList<TeamAgentView> Get()
    {
        var caller = access.Caller;
        if (!caller.IsSupervisor)
            throw new CtiException(ErrorCodes.Forbidden, "Only supervisors and admins see a team view.", ErrorKind.Forbidden);
        return TeamView.Of(access.Center(caller), directory.Supervision(caller.TenantId), caller.UserId!.Value, phones.IsRegistered);
    }
}
