using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.CallerIds;
using CtiBridge.Application.Dispositions;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.CallCenter;

/// <summary>The id of a call created by click-to-dial.</summary>
public sealed record DialResponse(Guid CallId);

/// <summary>
/// In-call controls. <c>/api/v1/calls/…</c> acts as the signed-in agent, who must be a party of the call
/// (else 404 <c>call_not_found</c>, as for a call that does not exist); <c>/api/v1/agents/{agentId}/calls/…</c> acts for the named agent (a supervisor
/// of the agent's teams, a tenant admin, or an API key with scope call-control). Controls answer 204 once the
/// PBX carried them out or accepted them; the new state arrives as <c>callStateChanged</c> /
/// <c>participantsChanged</c> / <c>callEnded</c> events, and <c>GET</c> returns it.
/// </summary>
[ApiController]
[Route("api/v1/calls")]
[Route("api/v1/agents/{agentId:guid}/calls")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
public sealed class CallsController(CallCenterAccess access, IInputValidator validator, AgentCallNotes notes, CallerIdPolicy callerIds) : ControllerBase
{
    /// <summary>A live call: parties, hold, recording, attached data (caller number masked by the tenant's rule).</summary>
    /// <remarks>Agents see calls they are a party of; supervisors calls of their teams' agents; API keys (read) every call of the tenant.</remarks>
    /// <response code="200">The call.</response>
    /// <response code="403"><c>insufficient_scope</c> (an API key without read).</response>
    /// <response code="404"><c>call_not_found</c> (also a call the caller may not see).</response>
    [HttpGet("{callId:guid}")]
    [ProducesResponseType<CallView>(200)]
    public CallView Get(Guid callId)
    {
        var caller = access.Caller;
        var center = access.Center(caller);
        if (HttpContext.GetRouteValue("agentId") is not null || (!caller.IsApiKey && center.HasAgent(caller.UserId!.Value) && !caller.IsSupervisor))
        {
            var (c, agentId, _) = access.Agent(AccessKind.Read);
            return c.GetCall(agentId, callId);
        }
        if (caller.IsApiKey) CallCenterAccess.RequireScope(caller, AccessKind.Read);
        var call = center.GetCall(Guid.Empty, callId, supervisor: true);
        var mine = caller.UserId is { } me && call.Parties.Any(p => p.AgentId == me);
        if (!mine && !caller.IsApiKey && !call.Parties.Any(p => p.AgentId is { } a && access.Oversees(caller, a))
            && !(call.OwnerAgentId is { } o && access.Oversees(caller, o)))
            throw new CtiException(ErrorCodes.CallNotFound, "No such live call.", ErrorKind.NotFound);
        return call;
    }

    /// <summary>Answers the call ringing for the agent (the PBX answers the agent's leg; simulator and auto-answer phones).</summary>
    /// <response code="204">Answered.</response>
    /// <response code="404"><c>call_not_found</c>: no such live call, or one that is not the agent's (another agent's ringing call included).</response>
    /// <response code="409"><c>call_not_ringing</c> (the agent's call, not ringing for them), <c>answer_on_device</c> (answer on the phone).</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPost("{callId:guid}/answer")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Answer(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.AnswerAsync(agentId, callId);
        return NoContent();
    }

    /// <summary>Declines the call ringing for the agent; it goes back to the head of its queue (the agent is missed → Not Ready).</summary>
    /// <response code="204">Declined.</response>
    /// <response code="404"><c>call_not_found</c>: no such live call, or one that is not the agent's.</response>
    /// <response code="409"><c>call_not_ringing</c>.</response>
    [HttpPost("{callId:guid}/decline")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult Decline(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.Decline(agentId, callId);
        return NoContent();
    }

    /// <summary>Hangs up the agent's part of the call (a ringing offer is declined).</summary>
    /// <response code="204">Hung up.</response>
    /// <response code="403"><c>not_your_agent</c>, <c>insufficient_scope</c> (acting for an agent one may not act for).</response>
    /// <response code="404"><c>call_not_found</c> (also another agent's call).</response>
    [HttpPost("{callId:guid}/hangup")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult Hangup(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.Hangup(agentId, callId);
        return NoContent();
    }

    /// <summary>Puts the customer on hold (music on hold).</summary>
    /// <response code="204">Held.</response>
    /// <response code="409"><c>already_held</c>, <c>call_not_connected</c>, <c>consult_in_progress</c>.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPost("{callId:guid}/hold")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Hold(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.HoldAsync(agentId, callId);
        return NoContent();
    }

    /// <summary>Takes the customer off hold.</summary>
    /// <response code="204">Resumed.</response>
    /// <response code="409"><c>not_held</c>, <c>call_not_connected</c>.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPost("{callId:guid}/resume")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Resume(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.ResumeAsync(agentId, callId);
        return NoContent();
    }

    /// <summary>Mutes the agent's microphone in the call.</summary>
    /// <response code="204">Muted.</response>
    /// <response code="409"><c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/mute")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Mute(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.MuteAsync(agentId, callId, true);
        return NoContent();
    }

    /// <summary>Unmutes the agent.</summary>
    /// <response code="204">Unmuted.</response>
    /// <response code="409"><c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/unmute")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Unmute(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.MuteAsync(agentId, callId, false);
        return NoContent();
    }

    /// <summary>Sends DTMF digits to the far end.</summary>
    /// <response code="204">Sent.</response>
    /// <response code="400">Invalid digits.</response>
    /// <response code="409"><c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/dtmf")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Dtmf(Guid callId, [FromBody] DtmfRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.SendDtmfAsync(agentId, callId, request.Digits!);
        return NoContent();
    }

    /// <summary>
    /// Sends the customer through a self-service flow (prompts played, digits collected); the customer comes back
    /// to the same agent, with what they typed attached to the call (<c>callStateChanged</c> "self_service_ended").
    /// </summary>
    /// <response code="204">The customer is in self-service.</response>
    /// <response code="400">Invalid body.</response>
    /// <response code="404"><c>self_service_flow_not_found</c>, <c>call_not_found</c>.</response>
    /// <response code="409"><c>self_service_in_progress</c>, <c>consult_in_progress</c>, <c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/self-service")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> SelfService(Guid callId, [FromBody] SelfServiceRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.StartSelfService(agentId, callId, request.Flow!);
        return NoContent();
    }

    /// <summary>Blind transfer to a Ready agent, a skill group or a number; the agent leaves at once (no wrap-up).</summary>
    /// <response code="204">Transferring.</response>
    /// <response code="400">Invalid body (exactly one target).</response>
    /// <response code="404"><c>agent_not_found</c>, <c>skill_group_not_found</c>.</response>
    /// <response code="409"><c>target_not_ready</c>, <c>target_offline</c>, <c>consult_in_progress</c>, <c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/transfer")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Transfer(Guid callId, [FromBody] TransferRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.BlindTransfer(agentId, callId, new TransferTarget(request.AgentId, request.SkillGroupId, request.Number));
        return NoContent();
    }

    /// <summary>Starts a consultation: the customer is held and the agent or number is called.</summary>
    /// <response code="204">Consulting.</response>
    /// <response code="400">Invalid body (exactly one target).</response>
    /// <response code="409"><c>target_not_ready</c>, <c>consult_in_progress</c>, <c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/consult")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Consult(Guid callId, [FromBody] PartyTargetRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.StartConsult(agentId, callId, new TransferTarget(request.AgentId, null, request.Number));
        return NoContent();
    }

    /// <summary>Completes the consultation as a transfer: the consulted party takes the customer, the agent leaves.</summary>
    /// <response code="204">Transferred.</response>
    /// <response code="409"><c>no_consult_in_progress</c>.</response>
    [HttpPost("{callId:guid}/consult/complete")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult CompleteConsult(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.CompleteConsult(agentId, callId);
        return NoContent();
    }

    /// <summary>Turns the consultation into a conference with the customer.</summary>
    /// <response code="204">Conferenced.</response>
    /// <response code="409"><c>no_consult_in_progress</c>, <c>conference_full</c>.</response>
    [HttpPost("{callId:guid}/consult/conference")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult ConferenceConsult(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.ConferenceConsult(agentId, callId);
        return NoContent();
    }

    /// <summary>Ends the consultation and returns to the customer.</summary>
    /// <response code="204">Cancelled.</response>
    /// <response code="409"><c>no_consult_in_progress</c>.</response>
    [HttpPost("{callId:guid}/consult/cancel")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult CancelConsult(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.CancelConsult(agentId, callId);
        return NoContent();
    }

    /// <summary>Invites an agent or a number into the call (conference).</summary>
    /// <response code="204">Inviting.</response>
    /// <response code="400">Invalid body (exactly one target).</response>
    /// <response code="409"><c>target_not_ready</c>, <c>conference_full</c>, <c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/parties")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> AddParty(Guid callId, [FromBody] PartyTargetRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.AddToConference(agentId, callId, new TransferTarget(request.AgentId, null, request.Number));
        return NoContent();
    }

    /// <summary>Drops a party (by leg id, see the call's <c>parties</c>) from the call (the call's owner only).</summary>
    /// <response code="204">Dropped.</response>
    /// <response code="403"><c>forbidden</c> (not the owner).</response>
    /// <response code="404"><c>call_not_found</c> (no such leg).</response>
    [HttpDelete("{callId:guid}/parties/{legId}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult DropParty(Guid callId, string legId)
    {
        if (legId.Length > 100) throw new CtiException(ErrorCodes.CallNotFound, "No such party.", ErrorKind.NotFound);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.DropParty(agentId, callId, legId);
        return NoContent();
    }

    /// <summary>Starts recording the call (tenant policy permitting).</summary>
    /// <response code="204">Recording.</response>
    /// <response code="409"><c>recording_not_allowed</c>, <c>call_not_connected</c>.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPost("{callId:guid}/recording/start")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> StartRecording(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.StartRecordingAsync(agentId, callId);
        return NoContent();
    }

    /// <summary>Pauses the call's recording (for example while a card number is read out).</summary>
    /// <response code="204">Paused.</response>
    /// <response code="409"><c>not_recording</c>, <c>call_not_connected</c>.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPost("{callId:guid}/recording/pause")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> PauseRecording(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.PauseRecordingAsync(agentId, callId, paused: true);
        return NoContent();
    }

    /// <summary>Resumes a paused recording.</summary>
    /// <response code="204">Recording again.</response>
    /// <response code="409"><c>not_recording</c>, <c>call_not_connected</c>.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPost("{callId:guid}/recording/unpause")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> UnpauseRecording(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.PauseRecordingAsync(agentId, callId, paused: false);
        return NoContent();
    }

    /// <summary>Stops recording the call.</summary>
    /// <response code="204">Stopped.</response>
    /// <response code="409"><c>not_recording</c>, <c>recording_not_allowed</c> (policy: always).</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPost("{callId:guid}/recording/stop")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> StopRecording(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await center.StopRecordingAsync(agentId, callId);
        return NoContent();
    }

    /// <summary>
    /// Saves the agent's own disposition and remarks: on the live call, or on its stored record once it ended (e.g. in
    /// wrap-up). Each agent of a call keeps her own notes; no party overwrites another's. A field left out keeps its value.
    /// </summary>
    /// <remarks>
    /// The disposition is one of the tenant's active codes, by <c>dispositionId</c> or as <c>disposition</c> text (its code
    /// or name, any case: what older clients send). A tenant without any code still accepts free text (kept with the
    /// remarks). docs/dispositions.md.
    /// </remarks>
    /// <response code="204">Saved.</response>
    /// <response code="400"><c>validation_failed</c>; <c>disposition_unknown</c> (not a code of the tenant);
    /// <c>disposition_remarks_required</c> (the code requires remarks).</response>
    /// <response code="404"><c>call_not_found</c> (also a call the agent was not a party of).</response>
    /// <response code="409"><c>disposition_inactive</c>.</response>
    [HttpPut("{callId:guid}/disposition")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> SetDisposition(Guid callId, [FromBody] DispositionRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        await notes.SaveAsync(center, agentId, callId, new CallNoteChange(request.DispositionId, request.Disposition, request.Remarks), ct);
        return NoContent();
    }

    /// <summary>Click-to-dial: rings the agent's phone, then dials the number (or the colleague's extension).</summary>
    /// <remarks>
    /// The caller ID presented is <c>callerId</c>, which must be one the agent may present (the tenant's or one of her
    /// teams', <c>GET /api/v1/agent/caller-ids</c>); left out, the first of those, or the trunk's default when there are
    /// none. docs/dispositions.md, "Caller IDs".
    /// </remarks>
    /// <response code="201">Dialling; the call's id (events follow).</response>
    /// <response code="400"><c>validation_failed</c>: invalid body or caller ID format.</response>
    /// <response code="403"><c>caller_id_not_allowed</c>: a caller ID the agent may not present.</response>
    /// <response code="409"><c>agent_busy</c>, <c>agent_not_logged_in</c>, <c>working_mode_forbids_call</c>, <c>number_blocked</c>, <c>target_offline</c>.</response>
    [HttpPost("dial")]
    [ProducesResponseType<DialResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<DialResponse>> Dial([FromBody] DialRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        var callerId = await callerIds.ResolveAsync(center.TenantId, agentId, request.CallerId, ct);
        var callId = center.Dial(agentId, request.Number!, callerId);
        return Created($"/api/v1/calls/{callId}", new DialResponse(callId));
    }
}
