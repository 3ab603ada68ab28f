using CtiBridge.Api.Auth;
using CtiBridge.Application.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Admin;

/// <summary>SIP phones of the caller's tenant, including hot-desk phones (admins).</summary>
[ApiController]
[Route("api/v1/admin/phones")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class PhonesController(PhonesAdmin phones) : ControllerBase
{
    /// <summary>Lists the phones.</summary>
    /// <response code="200">The phones.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<PhoneResponse>>(200)]
    public Task<IReadOnlyList<PhoneResponse>> List(CancellationToken ct) => phones.ListAsync(User.ToActor(), ct);

    /// <summary>Adds a phone: its PJSIP endpoint is <c>&lt;domain&gt;-&lt;endpointName&gt;</c> (CtiBridge adds the prefix), by default <c>&lt;domain&gt;-&lt;extension&gt;</c>.</summary>
    /// <response code="201">Created.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="409"><c>conflict</c> (the tenant has a phone of that endpoint name), <c>endpoint_taken</c> (another tenant's endpoint on the shared PBX).</response>
    [HttpPost]
    [ProducesResponseType<PhoneResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<PhoneResponse>> Create([FromBody] PhoneRequest request, CancellationToken ct)
    {
        var created = await phones.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/phones/{created.Id}", created);
    }

    /// <summary>Edits a phone.</summary>
    /// <response code="200">The updated phone.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such phone.</response>
    /// <response code="409"><c>conflict</c> (the tenant has a phone of that endpoint name), <c>endpoint_taken</c> (another tenant's endpoint on the shared PBX).</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<PhoneResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<PhoneResponse> Update(Guid id, [FromBody] PhoneRequest request, CancellationToken ct) => phones.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Removes a phone.</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404">No such phone.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await phones.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}
