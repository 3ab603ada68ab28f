using CtiBridge.Api.Auth;
using CtiBridge.Application.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Admin;

/// <summary>The caller's tenant's number blocklist (admins).</summary>
[ApiController]
[Route("api/v1/admin/blocklist")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class BlocklistController(BlocklistAdmin blocklist) : ControllerBase
{
    /// <summary>Lists blocked numbers.</summary>
    /// <response code="200">The blocked numbers.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<BlockedNumberResponse>>(200)]
    public Task<IReadOnlyList<BlockedNumberResponse>> List(CancellationToken ct) => blocklist.ListAsync(User.ToActor(), ct);

    /// <summary>Blocks a number (inbound, outbound or both).</summary>
    /// <response code="201">Blocked.</response>
    /// <response code="400">Invalid number.</response>
    /// <response code="409">Already blocked.</response>
    [HttpPost]
    [ProducesResponseType<BlockedNumberResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<BlockedNumberResponse>> Add([FromBody] BlockedNumberRequest request, CancellationToken ct)
    {
        var created = await blocklist.AddAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/blocklist/{created.Id}", created);
    }

    /// <summary>Unblocks a number.</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404">No such entry.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await blocklist.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}
