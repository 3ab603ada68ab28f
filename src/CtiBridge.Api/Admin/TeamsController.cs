using CtiBridge.Api.Auth;
using CtiBridge.Application.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Admin;

/// <summary>Teams of the caller's tenant (admins): supervisors and their agents.</summary>
[ApiController]
[Route("api/v1/admin/teams")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class TeamsController(TeamsAdmin teams) : ControllerBase
{
    /// <summary>Lists the teams.</summary>
    /// <response code="200">The teams.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<TeamResponse>>(200)]
    public Task<IReadOnlyList<TeamResponse>> List(CancellationToken ct) => teams.ListAsync(User.ToActor(), ct);

    /// <summary>Reads one team.</summary>
    /// <response code="200">The team.</response>
    /// <response code="404">No such team.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<TeamResponse>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<TeamResponse> Get(Guid id, CancellationToken ct) => teams.GetAsync(User.ToActor(), id, ct);

    /// <summary>Creates a team.</summary>
    /// <response code="201">Created.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">A listed user does not exist in this tenant.</response>
    /// <response code="409">Name taken, or a listed supervisor lacks the supervisor role.</response>
    [HttpPost]
    [ProducesResponseType<TeamResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<TeamResponse>> Create([FromBody] TeamRequest request, CancellationToken ct)
    {
        var created = await teams.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/teams/{created.Id}", created);
    }

    /// <summary>Replaces a team's name, supervisors and members.</summary>
    /// <response code="200">The updated team.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such team or user.</response>
    /// <response code="409">Name taken, or a supervisor lacks the role.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<TeamResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<TeamResponse> Update(Guid id, [FromBody] TeamRequest request, CancellationToken ct) => teams.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Deletes a team (its users stay).</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No such team.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await teams.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}
