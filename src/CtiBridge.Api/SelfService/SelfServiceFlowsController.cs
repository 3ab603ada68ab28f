using CtiBridge.Api.Auth;
using CtiBridge.Application.SelfService;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.SelfService;

/// <summary>
/// The tenant's self-service flows (admins): the prompt Asterisk plays to the customer, the digits expected (a maximum
/// and/or a terminator key), the timeout and the attached-data key that receives the digits. Agents send a customer
/// through one with <c>POST /api/v1/calls/{callId}/self-service</c>; their hand-off list is
/// <c>GET /api/v1/agent/self-service-flows</c>. Changes reach the call center at once.
/// </summary>
[ApiController]
[Route("api/v1/admin/self-service-flows")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class SelfServiceFlowsController(SelfServiceFlowsAdmin flows) : ControllerBase
{
    /// <summary>Lists the flows by name.</summary>
    /// <response code="200">The flows.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<SelfServiceFlowDetails>>(200)]
    public Task<IReadOnlyList<SelfServiceFlowDetails>> List(CancellationToken ct) => flows.ListAsync(User.ToActor(), ct);

    /// <summary>One flow.</summary>
    /// <response code="200">The flow.</response>
    /// <response code="404"><c>not_found</c> (also another tenant's).</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<SelfServiceFlowDetails>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<SelfServiceFlowDetails> Get(Guid id, CancellationToken ct) => flows.GetAsync(User.ToActor(), id, ct);

    /// <summary>Adds a flow.</summary>
    /// <response code="201">Added.</response>
    /// <response code="400"><c>validation_failed</c>: a name, prompt (a sound file name only: no path, extension or URI) or data key
    /// of the wrong form, neither maximum digits nor terminator, a timeout outside 3–300 s.</response>
    /// <response code="409"><c>self_service_flow_name_taken</c>: the tenant has a flow of that name (case-insensitive).</response>
    [HttpPost]
    [ProducesResponseType<SelfServiceFlowDetails>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<SelfServiceFlowDetails>> Create([FromBody] SelfServiceFlowRequest request, CancellationToken ct)
    {
        var created = await flows.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/self-service-flows/{created.Id}", created);
    }

    /// <summary>Edits a flow (a customer in it right now finishes the flow as it was).</summary>
    /// <response code="200">The flow.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="404"><c>not_found</c> (also another tenant's).</response>
    /// <response code="409"><c>self_service_flow_name_taken</c>.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<SelfServiceFlowDetails>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<SelfServiceFlowDetails> Update(Guid id, [FromBody] SelfServiceFlowRequest request, CancellationToken ct) =>
        flows.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Removes a flow (a customer in it right now still comes back to the agent).</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404"><c>not_found</c> (also another tenant's).</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await flows.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}
