using CtiBridge.Api.Auth;
using CtiBridge.Application.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Admin;

/// <summary>The caller's own tenant (admins).</summary>
[ApiController]
[Route("api/v1/admin/tenant")]
[Authorize(Policy = Policies.Admin)]
public sealed class OwnTenantController(TenantsAdmin tenants) : ControllerBase
{
    /// <summary>Reads the caller's tenant and its settings.</summary>
    /// <response code="200">The tenant.</response>
    /// <response code="401">Not signed in.</response>
    /// <response code="403">Not an admin.</response>
    [HttpGet]
    [ProducesResponseType<TenantResponse>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    [ProducesResponseType<ProblemDetails>(403)]
    public Task<TenantResponse> Get(CancellationToken ct) => tenants.GetOwnAsync(User.ToActor(), ct);

    /// <summary>Edits the caller's tenant name and settings (an admin cannot disable their own tenant).</summary>
    /// <response code="200">The updated tenant.</response>
    /// <response code="400">Invalid input (<c>validation_failed</c>).</response>
    /// <response code="401">Not signed in.</response>
    /// <response code="403">Not an admin.</response>
    [HttpPut]
    [ProducesResponseType<TenantResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(401)]
    [ProducesResponseType<ProblemDetails>(403)]
    public Task<TenantResponse> Update([FromBody] UpdateTenantRequest request, CancellationToken ct) => tenants.UpdateOwnAsync(User.ToActor(), request, ct);
}

/// <summary>
/// All tenants: platform admins only (a user with the platform-admin flag, or a caller sending the
/// configured <c>Admin:BootstrapKey</c> in header <c>X-Bootstrap-Key</c>).
/// </summary>
[ApiController]
[Route("api/v1/admin/tenants")]
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class TenantsController(TenantsAdmin tenants) : ControllerBase
{
    /// <summary>Lists every tenant.</summary>
    /// <response code="200">The tenants.</response>
    /// <response code="401">Not signed in and no bootstrap key.</response>
    /// <response code="403">Not a platform admin.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<TenantResponse>>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    [ProducesResponseType<ProblemDetails>(403)]
    public Task<IReadOnlyList<TenantResponse>> List(CancellationToken ct) => tenants.ListAllAsync(ct);

    /// <summary>Creates a tenant with its first admin user and its system pause reasons.</summary>
    /// <response code="201">Created.</response>
    /// <response code="400">Invalid input (<c>validation_failed</c>) or weak admin password (<c>weak_password</c>).</response>
    /// <response code="401">Not signed in and no bootstrap key.</response>
    /// <response code="403">Not a platform admin.</response>
    /// <response code="409">The domain is taken (<c>conflict</c>).</response>
    [HttpPost]
    [ProducesResponseType<TenantResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(401)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<TenantResponse>> Create([FromBody] CreateTenantRequest request, CancellationToken ct)
    {
        var created = await tenants.CreateAsync(request, ct);
        return Created($"/api/v1/admin/tenants/{created.Id}", created);
    }

    /// <summary>Edits any tenant, including enabling or disabling it.</summary>
    /// <response code="200">The updated tenant.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="401">Not signed in and no bootstrap key.</response>
    /// <response code="403">Not a platform admin.</response>
    /// <response code="404">No such tenant.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<TenantResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(401)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<TenantResponse> Update(Guid id, [FromBody] UpdateTenantRequest request, CancellationToken ct) => tenants.UpdateAsync(id, request, ct);
}
