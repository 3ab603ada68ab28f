using System.Collections.Concurrent;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Domain.Errors;
using CtiBridge.Simulator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Sandbox;

/// <summary>The leg id of a simulated customer call.</summary>
public sealed record SandboxCallResponse(string LegId);

/// <summary>
/// Which tenant each simulated leg belongs to (so no tenant can touch another's legs): a customer leg the tenant placed
/// through the sandbox, or a leg of one of the tenant's calls (its agents' phones, numbers it dialled) as the call center
/// recorded it. Never read from the leg's endpoint name: domains may be prefixes of each other (<c>demo</c>, <c>demo-b</c>).
/// </summary>
public sealed class SandboxLegs(CallCenterService service)
{
    private readonly ConcurrentDictionary<string, Guid> _placed = new();

    public void Placed(string legId, Guid tenantId) => _placed[legId] = tenantId;

    /// <summary>Whether <paramref name="leg"/> belongs to the tenant.</summary>
    public bool BelongsTo(SimLeg leg, Guid tenantId) =>
        (_placed.TryGetValue(leg.Id, out var placedBy) ? placedBy : service.TenantOfLeg(leg.Id)) == tenantId;
}

/// <summary>
/// Sandbox-only simulator controls (404 <c>sandbox_only</c> when a real PBX is configured): place a customer
/// call into a skill group with attached data; answer, type digits on or hang up a leg as its device would (the customer,
/// an outbound number, or an agent's phone). Signed-in users of the tenant, or API keys with call-control.
/// </summary>
[ApiController]
[Route("api/v1/sandbox")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
public sealed class SandboxController(CallCenterAccess access, IInputValidator validator, IServiceProvider services, SandboxLegs legs) : ControllerBase
{
    private SimulatedPbx Simulator => services.GetService<SimulatedPbx>()
        ?? throw new CtiException(ErrorCodes.SandboxOnly, "Only available in sandbox mode (no Asterisk configured).", ErrorKind.NotFound);

    /// <summary>A customer calls a skill group (by name, number or id) from a number, with optional attached data.</summary>
    /// <response code="201">The customer's leg id (use it to hang up as the customer).</response>
    /// <response code="400">Invalid body.</response>
    /// <response code="404"><c>sandbox_only</c>, <c>skill_group_not_found</c>.</response>
    [HttpPost("calls")]
    [ProducesResponseType<SandboxCallResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<ActionResult<SandboxCallResponse>> PlaceCall([FromBody] SandboxCallRequest request, CancellationToken ct)
    {
        var sim = Simulator;
        await validator.ValidateAsync(request, ct);
        var (center, _) = access.Tenant(AccessKind.Control);
        var wanted = request.SkillGroup!.Trim();
        var group = center.Configuration.Groups.FirstOrDefault(g =>
            string.Equals(g.Name, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(g.Number, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(g.Id.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new CtiException(ErrorCodes.SkillGroupNotFound, $"No skill group '{wanted}'.", ErrorKind.NotFound);
        var legId = sim.PlaceCall(center.Domain, group.Id.ToString(), request.CallerNumber!, request.AttachedData ?? new Dictionary<string, string>());
        legs.Placed(legId, center.TenantId);
        return Created($"/api/v1/sandbox/legs/{legId}", new SandboxCallResponse(legId));
    }

    /// <summary>The device of a leg answers (a customer's outbound leg, a consulted number, an agent's ringing phone).</summary>
    /// <response code="204">Answered.</response>
    /// <response code="404"><c>sandbox_only</c>, <c>not_found</c> (no such leg in your tenant).</response>
    [HttpPost("legs/{legId}/answer")]
    [ProducesResponseType(204)]
    public IActionResult Answer(string legId)
    {
        var sim = Simulator;
        sim.Answer(LegOf(sim, legId).Id);
        return NoContent();
    }

    /// <summary>The far end of a leg hangs up (the customer hangs up; or a ringing leg is rejected).</summary>
    /// <response code="204">Hung up.</response>
    /// <response code="404"><c>sandbox_only</c>, <c>not_found</c> (no such leg in your tenant).</response>
    [HttpPost("legs/{legId}/hangup")]
    [ProducesResponseType(204)]
    public IActionResult Hangup(string legId)
    {
        var sim = Simulator;
        sim.HangupFromDevice(LegOf(sim, legId).Id);
        return NoContent();
    }

    /// <summary>The device of a leg types digits (RFC 4733 on a real phone): e.g. the customer answering a self-service flow.</summary>
    /// <response code="204">Sent.</response>
    /// <response code="400"><c>validation_failed</c>: digits other than 0-9, *, #, A-D, or more than 32.</response>
    /// <response code="404"><c>sandbox_only</c>, <c>not_found</c> (no such leg in your tenant).</response>
    [HttpPost("legs/{legId}/dtmf")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<IActionResult> Dtmf(string legId, [FromBody] DtmfRequest request, CancellationToken ct)
    {
        var sim = Simulator;
        await validator.ValidateAsync(request, ct);
        sim.SendDtmfFromDevice(LegOf(sim, legId).Id, request.Digits!);
        return NoContent();
    }

    /// <summary>
    /// The PBX ends the call's running recording on its own, as Asterisk does when its recorder fails: the call shows no
    /// longer recording and its agents get <c>callStateChanged</c> with <c>recording_ended_by_pbx</c>.
    /// </summary>
    /// <response code="204">Ended.</response>
    /// <response code="404"><c>sandbox_only</c>, <c>call_not_found</c> (no such live call in your tenant).</response>
    /// <response code="409"><c>not_recording</c>.</response>
    [HttpPost("calls/{callId:guid}/recording/end")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult EndRecording(Guid callId)
    {
        var sim = Simulator;
        var (center, _) = access.Tenant(AccessKind.Control);
        if (!center.IsLiveCall(callId)) throw new CtiException(ErrorCodes.CallNotFound, "No such live call.", ErrorKind.NotFound);
        if (!sim.EndRecordingOf(callId, "ended from the sandbox"))
            throw new CtiException(ErrorCodes.NotRecording, "The call is not being recorded.", ErrorKind.Conflict);
        return NoContent();
    }

    private SimLeg LegOf(SimulatedPbx sim, string legId)
    {
        var (center, _) = access.Tenant(AccessKind.Control);
        if (legId.Length > 100 || sim.Leg(legId) is not { } leg || !legs.BelongsTo(leg, center.TenantId))
            throw new CtiException(ErrorCodes.NotFound, "No such leg.", ErrorKind.NotFound);
        return leg;
    }
}
