using CtiBridge.Api.Auth;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.CallerIds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.CallerIds;

/// <summary>
/// The caller IDs agents may present on outbound calls (admins): the whole tenant's (no team) and each team's. Dialling
/// with any other caller ID is refused (<c>caller_id_not_allowed</c>).
/// </summary>
[ApiController]
[Route("api/v1/admin/caller-ids")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class CallerIdsController(CallerIdsAdmin callerIds) : ControllerBase
{
    /// <summary>Lists the caller IDs: the tenant's first, then by team.</summary>
    /// <response code="200">The caller IDs.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<CallerIdView>>(200)]
    public Task<IReadOnlyList<CallerIdView>> List(CancellationToken ct) => callerIds.ListAsync(User.ToActor(), ct);

    /// <summary>Adds a caller ID, for the whole tenant or one team.</summary>
    /// <response code="201">Added.</response>
    /// <response code="400"><c>validation_failed</c> (number format, label length, a team not of the tenant).</response>
    /// <response code="409"><c>caller_id_taken</c>: the number is listed for the same team (or the tenant) already.</response>
    [HttpPost]
    [ProducesResponseType<CallerIdView>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<CallerIdView>> Create([FromBody] CallerIdRequest request, CancellationToken ct)
    {
        var created = await callerIds.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/caller-ids/{created.Id}", created);
    }

    /// <summary>Edits a caller ID.</summary>
    /// <response code="200">The caller ID.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="404"><c>not_found</c> (also another tenant's).</response>
    /// <response code="409"><c>caller_id_taken</c>.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<CallerIdView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<CallerIdView> Update(Guid id, [FromBody] CallerIdRequest request, CancellationToken ct) => callerIds.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Removes a caller ID (calls already placed keep theirs).</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404"><c>not_found</c>.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await callerIds.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}

/// <summary>The caller IDs an agent may present on outbound calls (the dial pad's list): the signed-in agent's, or the named agent's.</summary>
[ApiController]
[Route("api/v1/agent/caller-ids")]
[Route("api/v1/agents/{agentId:guid}/caller-ids")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
public sealed class AgentCallerIdsController(CallCenterAccess access, CallerIdPolicy policy) : ControllerBase
{
    /// <summary>The numbers the agent may present: her teams' first, then the tenant's; the first is used when she chooses none.</summary>
    /// <response code="200">The numbers (empty: the trunk's default caller ID only).</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<string>>(200)]
    public async Task<IReadOnlyList<string>> Numbers(CancellationToken ct)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Read);
        return (await policy.AllowedForAsync(center.TenantId, agentId, ct)).Select(c => c.Number).ToList();
    }

    /// <summary>The same caller IDs with their labels and teams (what the dial pad shows).</summary>
    /// <response code="200">The caller IDs.</response>
    [HttpGet("details")]
    [ProducesResponseType<IReadOnlyList<AllowedCallerId>>(200)]
    public async Task<IReadOnlyList<AllowedCallerId>> Details(CancellationToken ct)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Read);
        return await policy.AllowedForAsync(center.TenantId, agentId, ct);
    }
}
