using CtiBridge.Application.Common;
using CtiBridge.Application.Persistence;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.CallCenter;

/// <summary>A new API key.</summary>
/// <example>{ "name": "CRM integration", "scopes": ["read", "call-control"] }</example>
public sealed record CreateApiKeyRequest
{
    /// <summary>What the key is for (1–100 characters).</summary>
    public string? Name { get; init; }
    /// <summary>One or more of <c>read</c>, <c>call-control</c>, <c>admin</c>.</summary>
    public List<string>? Scopes { get; init; }
    /// <summary>When the key stops working (optional, in the future).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>A created key: <see cref="Key"/> is shown this once only (the server keeps its hash).</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

internal sealed class CreateApiKeyRequestValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyRequestValidator()
    {
        RuleFor(x => x.Name).Required(100);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage("Give at least one scope.");
        RuleForEach(x => x.Scopes).Must(s => s is ApiKeys.ScopeRead or ApiKeys.ScopeCallControl or ApiKeys.ScopeAdmin)
            .WithMessage("One of read, call-control, admin.");
    }
}

/// <summary>Integrator API keys of the caller's tenant (admins, or API keys with scope admin).</summary>
[ApiController]
[Route("api/v1/admin/api-keys")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class ApiKeysController(CallCenterAccess access, CallCenterData data, IInputValidator validator, TimeProvider clock) : ControllerBase
{
    /// <summary>Lists the tenant's API keys (never the keys themselves).</summary>
    /// <response code="200">The keys.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ApiKeyInfo>>(200)]
    public Task<IReadOnlyList<ApiKeyInfo>> List(CancellationToken ct)
    {
        var caller = access.Caller;
        CallCenterAccess.RequireAdminScope(caller);
        return data.ListApiKeysAsync(caller.TenantId, ct);
    }

    /// <summary>Creates a key with scopes; the response holds the key, shown this once.</summary>
    /// <response code="201">The key.</response>
    /// <response code="400">Invalid body.</response>
    [HttpPost]
    [ProducesResponseType<CreatedApiKey>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<ActionResult<CreatedApiKey>> Create([FromBody] CreateApiKeyRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var caller = access.Caller;
        CallCenterAccess.RequireAdminScope(caller);
        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } exp && exp <= now)
            throw new InputValidationException(new Dictionary<string, string[]> { ["expiresAt"] = ["Must be in the future."] });
        var scopes = request.Scopes!.Aggregate(ApiKeyScopes.None, (acc, s) => acc | s switch
        {
            ApiKeys.ScopeRead => ApiKeyScopes.Read,
            ApiKeys.ScopeCallControl => ApiKeyScopes.CallControl,
            _ => ApiKeyScopes.Admin,
        });
        var key = ApiKeys.NewKey();
        var info = await data.CreateApiKeyAsync(caller.TenantId, request.Name!.Trim(), ApiKeys.PrefixOf(key)!, ApiKeys.Hash(key), scopes, now, request.ExpiresAt, ct);
        return Created($"/api/v1/admin/api-keys/{info.Id}", new CreatedApiKey(info, key));
    }

    /// <summary>Revokes a key (it stops working at once).</summary>
    /// <response code="204">Revoked.</response>
    /// <response code="404">No such key (<c>not_found</c>).</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct)
    {
        var caller = access.Caller;
        CallCenterAccess.RequireAdminScope(caller);
        if (!await data.RevokeApiKeyAsync(caller.TenantId, id, clock.GetUtcNow(), ct))
            throw new CtiException(ErrorCodes.NotFound, "No such API key.", ErrorKind.NotFound);
        return NoContent();
    }
}
