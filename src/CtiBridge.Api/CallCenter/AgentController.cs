using System.Security.Claims;
using CtiBridge.Api.Auth;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.CallCenter;

/// <summary>A Not Ready reason an agent can choose.</summary>
/// <param name="Code">The IVR digit (as text).</param>
/// <param name="Name">The reason's name.</param>
public sealed record PauseReasonView(string Code, string Name);

/// <summary>A self-service flow an agent can send a customer through.</summary>
/// <param name="Name">The flow's name (used in <c>POST /calls/{id}/self-service</c>).</param>
/// <param name="DataKey">The attached-data key that receives the digits the customer typed.</param>
public sealed record SelfServiceFlowView(string Name, string DataKey);

/// <summary>What the browser softphone needs to register (SIP over WSS).</summary>
/// <param name="WsUri">The PBX's WebSocket (WSS) URL.</param>
/// <param name="Aor">The agent's SIP address of record.</param>
/// <param name="AuthorizationUsername">SIP auth user (the endpoint name).</param>
/// <param name="AuthorizationPassword">SIP auth password (only ever sent to the agent themself).</param>
/// <param name="DisplayName">The agent's name on calls they place.</param>
/// <param name="IceServers">STUN/TURN servers, if configured.</param>
public sealed record SoftphoneSettingsView(string WsUri, string Aor, string AuthorizationUsername, string AuthorizationPassword,
    string DisplayName, IReadOnlyList<string> IceServers);

/// <summary>
/// The agent's own state: CTI login/logout, Ready / Not Ready, skill-group pauses, wrap-up, working mode.
/// <c>/api/v1/agent/…</c> acts as the signed-in agent. <c>/api/v1/agents/{agentId}/…</c> acts for the named
/// agent: the agent themselves, a supervisor of one of the agent's teams, a tenant admin, or an API key
/// (scope read for GETs, call-control for changes). State changes also arrive as <c>agentStateChanged</c> events.
/// </summary>
[ApiController]
[Route("api/v1/agent")]
[Route("api/v1/agents/{agentId:guid}")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
public sealed class AgentController(CallCenterAccess access, IInputValidator validator, CallCenterData data) : ControllerBase
{
    /// <summary>CTI login: starts taking calls Ready, or Not Ready with a reason; optionally on a free hot-desk phone.</summary>
    /// <remarks>Errors: 409 <c>agent_already_logged_in</c>; 400 <c>unknown_pause_reason</c>; 409 <c>phone_not_free</c>; 403 <c>hot_desk_not_allowed</c>.</remarks>
    /// <response code="200">The agent after login.</response>
    /// <response code="400">Invalid body (<c>validation_failed</c>) or unknown reason (<c>unknown_pause_reason</c>).</response>
    /// <response code="401">Not signed in (<c>unauthenticated</c>).</response>
    /// <response code="403"><c>not_an_agent</c>, <c>not_your_agent</c>, <c>hot_desk_not_allowed</c>, <c>insufficient_scope</c>.</response>
    /// <response code="404">No such agent (<c>agent_not_found</c>).</response>
    /// <response code="409">Already logged in (<c>agent_already_logged_in</c>) or the phone is taken (<c>phone_not_free</c>).</response>
    [HttpPost("login")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<AgentView> Login([FromBody] AgentLoginRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, caller) = access.Agent(AccessKind.Control);
        string? endpoint = null;
        if (!string.IsNullOrWhiteSpace(request.PhoneEndpoint))
        {
            if (!await data.MayHotDeskAsync(caller.TenantId, agentId, ct))
                throw new CtiException(CallCenterErrors.HotDeskNotAllowed, "Your profile does not allow hot-desking.", ErrorKind.Forbidden);
            var wanted = request.PhoneEndpoint.Trim();
            var phone = (await data.HotDeskPhonesAsync(caller.TenantId, ct)).FirstOrDefault(p =>
                string.Equals(p.EndpointName, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals("PJSIP/" + p.EndpointName, wanted, StringComparison.OrdinalIgnoreCase))
                ?? throw new CtiException(CallCenterErrors.PhoneNotFree, "No such hot-desk phone.");
            endpoint = "PJSIP/" + phone.EndpointName;
            if (center.AgentByEndpoint(endpoint) is { } holder && holder != agentId)
                throw new CtiException(CallCenterErrors.PhoneNotFree, "Another agent is signed in on this phone.");
        }
        return center.Login(agentId, request.Ready!.Value, request.Ready.Value ? null : request.Reason, endpoint);
    }

    /// <summary>CTI logout; during a call or wrap-up the logout is pending (applied when it ends).</summary>
    /// <response code="200">The agent (LoggedOut, or with pending Logout).</response>
    /// <response code="409">Not logged in (<c>agent_not_logged_in</c>) or not allowed now (<c>invalid_state_transition</c>).</response>
    [HttpPost("logout")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ProblemDetails>(409)]
    public AgentView Logout()
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        return center.Logout(agentId);
    }

    /// <summary>The agent's state, pending state, current call, wrap-up end and paused skill groups.</summary>
    /// <response code="200">The agent.</response>
    [HttpGet("state")]
    [ProducesResponseType<AgentView>(200)]
    public AgentView GetState()
    {
        var (center, agentId, _) = access.Agent(AccessKind.Read);
        return center.GetAgent(agentId);
    }

    /// <summary>Ready, Not Ready with a reason (pending during a call or wrap-up), or LoggedOut.</summary>
    /// <remarks>
    /// As <c>PUT /api/v1/agents/{agentId}/state</c> this is the supervisor's "change an agent's state" (agents of their teams only),
    /// with an optional <c>message</c>: the agent's <c>agentStateChanged</c> event carries <c>changedBy</c> (the supervisor's
    /// id and name, and the message) and the state history keeps both.
    /// </remarks>
    /// <response code="200">The agent.</response>
    /// <response code="400">Invalid body, or a reason the tenant does not have (<c>unknown_pause_reason</c>).</response>
    /// <response code="403"><c>not_your_agent</c> (supervisor outside their teams), <c>not_an_agent</c>, <c>insufficient_scope</c>.</response>
    /// <response code="409"><c>agent_not_logged_in</c>, <c>invalid_state_transition</c>.</response>
    [HttpPut("state")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<AgentView> SetState([FromBody] SetAgentStateRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, caller) = access.Agent(AccessKind.Control);
        // A person acting for another agent is named to that agent; the agent herself and integrators' keys are not.
        var by = caller.UserId is { } self && self != agentId
            ? new StateChangedBy(self, User.FindFirstValue(CtiClaims.DisplayName) ?? User.FindFirstValue(CtiClaims.Username) ?? "",
                string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim())
            : null;
        return request.State!.ToLowerInvariant() switch
        {
            "ready" => center.SetReady(agentId, by),
            "notready" => center.SetNotReady(agentId, request.Reason!, by),
            _ => center.Logout(agentId, by),
        };
    }

    /// <summary>Stops one skill group offering calls to the (Ready) agent.</summary>
    /// <response code="200">The agent (the group in <c>pausedSkillGroupIds</c>).</response>
    /// <response code="404"><c>skill_group_not_found</c>.</response>
    /// <response code="409"><c>not_a_member</c>, <c>invalid_state_transition</c>.</response>
    [HttpPost("skill-groups/{groupId:guid}/pause")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ProblemDetails>(409)]
    public AgentView PauseGroup(Guid groupId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        return center.SetGroupPaused(agentId, groupId, true);
    }

    /// <summary>Lets a paused skill group offer calls to the agent again.</summary>
    /// <response code="200">The agent.</response>
    /// <response code="404"><c>skill_group_not_found</c>.</response>
    /// <response code="409"><c>not_a_member</c>.</response>
    [HttpDelete("skill-groups/{groupId:guid}/pause")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ProblemDetails>(409)]
    public AgentView ResumeGroup(Guid groupId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        return center.SetGroupPaused(agentId, groupId, false);
    }

    /// <summary>Ends the wrap-up now (the pending state, or the state before the call, follows).</summary>
    /// <response code="200">The agent.</response>
    /// <response code="409"><c>not_in_wrap_up</c>.</response>
    [HttpPost("wrap-up/end")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ProblemDetails>(409)]
    public AgentView EndWrapUp()
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        return center.EndWrapUp(agentId);
    }

    /// <summary>Extends the running wrap-up (up to one hour in total).</summary>
    /// <response code="200">The agent (new <c>wrapUpEndsAt</c>).</response>
    /// <response code="400">Invalid body.</response>
    /// <response code="409"><c>not_in_wrap_up</c>.</response>
    [HttpPost("wrap-up/extend")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<AgentView> ExtendWrapUp([FromBody] ExtendWrapUpRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        return center.ExtendWrapUp(agentId, request.Seconds!.Value);
    }

    /// <summary>Chooses the working mode (agents whose profile says self-select).</summary>
    /// <response code="200">The agent.</response>
    /// <response code="400">Invalid body.</response>
    /// <response code="409"><c>invalid_state_transition</c> (the profile fixes the mode).</response>
    [HttpPut("working-mode")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<AgentView> SetWorkingMode([FromBody] WorkingModeRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        return center.ChooseWorkingMode(agentId, Enum.Parse<WorkingMode>(request.Mode!, ignoreCase: true));
    }

    /// <summary>
    /// Switches auto-answer: offered calls are answered without a click (the browser softphone answers by itself, desk
    /// phones get the SIP auto-answer headers). Allowed to the agent when the tenant's <c>agentsMayChooseAutoAnswer</c>
    /// is true (the agent view's <c>autoAnswerChangeable</c>), and always to admins; stored in the agent's profile.
    /// </summary>
    /// <response code="200">The agent, with <c>autoAnswer</c> as set.</response>
    /// <response code="400">Invalid body (<c>validation_failed</c>).</response>
    /// <response code="403"><c>auto_answer_not_allowed</c> (the tenant keeps it for admins), <c>not_your_agent</c>, <c>insufficient_scope</c>.</response>
    [HttpPut("auto-answer")]
    [ProducesResponseType<AgentView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<AgentView> SetAutoAnswer([FromBody] AutoAnswerRequest request,
        [FromServices] CtiBridge.Application.AutoAnswer.AgentAutoAnswer autoAnswer, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, caller) = access.Agent(AccessKind.Control);
        return await autoAnswer.SetAsync(center, agentId, request.Enabled!.Value, caller.IsAdmin, ct);
    }

    /// <summary>The live calls the agent is a party of or is being offered.</summary>
    /// <response code="200">The calls.</response>
    [HttpGet("calls")]
    [ProducesResponseType<IReadOnlyList<CallView>>(200)]
    public IReadOnlyList<CallView> Calls()
    {
        var (center, agentId, _) = access.Agent(AccessKind.Read);
        return center.CallsOf(agentId);
    }

    /// <summary>The tenant's self-service flows (the hand-off list; admins manage them at <c>/api/v1/admin/self-service-flows</c>).</summary>
    /// <response code="200">The flows.</response>
    [HttpGet("self-service-flows")]
    [ProducesResponseType<IReadOnlyList<SelfServiceFlowView>>(200)]
    public IReadOnlyList<SelfServiceFlowView> SelfServiceFlows()
    {
        var (center, _, _) = access.Agent(AccessKind.Read);
        return center.SelfServiceFlows.Select(f => new SelfServiceFlowView(f.Name, f.DataKey)).ToList();
    }

    /// <summary>
    /// The browser softphone's registration settings for a web-extension agent: the PBX's WSS URL
    /// (<c>Softphone:WebSocketUrl</c>), the SIP address and the endpoint's provisioned credentials.
    /// </summary>
    /// <response code="200">The settings.</response>
    /// <response code="404"><c>softphone_not_available</c>: sandbox mode, not a web agent, or the endpoint is not provisioned.</response>
    [HttpGet("softphone")]
    [ProducesResponseType<SoftphoneSettingsView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<SoftphoneSettingsView> Softphone([FromServices] Softphone.SoftphoneSettings softphones, CancellationToken ct)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Read);
        var agent = center.GetAgent(agentId);
        return softphones.ForAsync(center.Domain, agent.Extension, agent.ExtensionKind, agent.DisplayName, ct);
    }

    /// <summary>The Not Ready reasons of the agent's tenant.</summary>
    /// <response code="200">The reasons (code = IVR digit).</response>
    [HttpGet("pause-reasons")]
    [ProducesResponseType<IReadOnlyList<PauseReasonView>>(200)]
    public IReadOnlyList<PauseReasonView> PauseReasons()
    {
        var (center, _, _) = access.Agent(AccessKind.Read);
        return center.Configuration.PauseReasons.Select(r => new PauseReasonView(r.Code, r.Name)).ToList();
    }
}
