using CtiBridge.Api.Auth;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Dispositions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Dispositions;

/// <summary>
/// The tenant's disposition codes (admins): what agents choose in the wrap-up form. A code used by a call cannot be
/// deleted: deactivate it (inactive codes are not offered nor accepted, and stay on older calls).
/// </summary>
[ApiController]
[Route("api/v1/admin/dispositions")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class DispositionsController(DispositionsAdmin dispositions) : ControllerBase
{
    /// <summary>Lists every disposition code, active or not, by category then name.</summary>
    /// <response code="200">The codes.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<DispositionCodeView>>(200)]
    public Task<IReadOnlyList<DispositionCodeView>> List(CancellationToken ct) => dispositions.ListAsync(User.ToActor(), ct);

    /// <summary>Creates a disposition code.</summary>
    /// <response code="201">Created.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="409"><c>disposition_code_taken</c> (codes are unique in the tenant, any case).</response>
    [HttpPost]
    [ProducesResponseType<DispositionCodeView>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<DispositionCodeView>> Create([FromBody] DispositionCodeRequest request, CancellationToken ct)
    {
        var created = await dispositions.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/dispositions/{created.Id}", created);
    }

    /// <summary>Edits a disposition code (notes already saved keep the name they were saved with).</summary>
    /// <response code="200">The code.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="404"><c>not_found</c> (also another tenant's code).</response>
    /// <response code="409"><c>disposition_code_taken</c>.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<DispositionCodeView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<DispositionCodeView> Update(Guid id, [FromBody] DispositionCodeRequest request, CancellationToken ct) =>
        dispositions.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Deletes a disposition code no call carries.</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="404"><c>not_found</c>.</response>
    /// <response code="409"><c>disposition_in_use</c>: deactivate it instead.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await dispositions.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}

/// <summary>The disposition codes an agent chooses from in the wrap-up form.</summary>
[ApiController]
[Route("api/v1/agent/dispositions")]
[Route("api/v1/agents/{agentId:guid}/dispositions")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
public sealed class AgentDispositionsController(CallCenterAccess access, DispositionCodes codes) : ControllerBase
{
    /// <summary>The tenant's active disposition codes, by category then name (empty: the tenant has none, and free text is accepted).</summary>
    /// <response code="200">The codes.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<DispositionCodeView>>(200)]
    public Task<IReadOnlyList<DispositionCodeView>> Active(CancellationToken ct)
    {
        var (center, _, _) = access.Agent(AccessKind.Read);
        return codes.ActiveAsync(center.TenantId, ct);
    }
}
