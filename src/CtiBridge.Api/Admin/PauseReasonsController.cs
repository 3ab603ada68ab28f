using CtiBridge.Api.Auth;
using CtiBridge.Application.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Admin;

/// <summary>Pause (Not Ready) reasons of the caller's tenant (admins). System reasons can be renamed, not deleted.</summary>
[ApiController]
[Route("api/v1/admin/pause-reasons")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class PauseReasonsController(PauseReasonsAdmin reasons) : ControllerBase
{
    /// <summary>Lists the pause reasons, system reasons last.</summary>
    /// <response code="200">The reasons.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<PauseReasonResponse>>(200)]
    public Task<IReadOnlyList<PauseReasonResponse>> List(CancellationToken ct) => reasons.ListAsync(User.ToActor(), ct);

    /// <summary>Creates a pause reason with its IVR digit.</summary>
    /// <response code="201">Created.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="409">Name or code taken.</response>
    [HttpPost]
    [ProducesResponseType<PauseReasonResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<PauseReasonResponse>> Create([FromBody] PauseReasonRequest request, CancellationToken ct)
    {
        var created = await reasons.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/pause-reasons/{created.Id}", created);
    }

    /// <summary>Edits a pause reason.</summary>
    /// <response code="200">The updated reason.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such reason.</response>
    /// <response code="409">Name or code taken, or a code for a system reason.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<PauseReasonResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<PauseReasonResponse> Update(Guid id, [FromBody] PauseReasonRequest request, CancellationToken ct) => reasons.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Deletes a pause reason (not a system one).</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No such reason.</response>
    /// <response code="409">System reason.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await reasons.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}
