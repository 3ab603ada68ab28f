using System.Security.Claims;
using CtiBridge.Api.Auth;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Audit;
using CtiBridge.Data.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Api.Audit;

/// <summary>The audit log of the caller's tenant (admins): who changed what, when, from where, before and after.</summary>
[ApiController]
[Route("api/v1/admin/audit")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class AuditController(AuditLog audit) : ControllerBase
{
    /// <summary>Audit entries, newest first, filtered and paged.</summary>
    /// <remarks>Every configuration change made through the API writes an entry (in the same transaction as the change).
    /// Entries older than <c>Audit:RetentionDays</c> are purged daily.</remarks>
    /// <response code="200">A page of entries and the total matching the filters.</response>
    /// <response code="400">Invalid filter or paging (<c>validation_failed</c>).</response>
    [HttpGet]
    [ProducesResponseType<AuditLogPage>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public Task<AuditLogPage> Query([FromQuery] AuditLogQuery query, CancellationToken ct) => audit.QueryAsync(User.ToActor(), query, ct);
}

/// <summary>The caller of the current request, for the audit log: a user (access token) or an API key, and its IP address.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;
    private bool IsApiKey => User?.FindFirstValue(ApiKeys.KeyIdClaim) is not null;

    public AuditActorType? Type => User is null ? null : IsApiKey ? AuditActorType.ApiKey : AuditActorType.User;
    public Guid? Id => Guid.TryParse(User?.FindFirstValue(IsApiKey ? ApiKeys.KeyIdClaim : CtiClaims.UserId), out var id) ? id : null;
    public string? Name => User?.FindFirstValue(CtiClaims.Username);
    public Guid? TenantId => Guid.TryParse(User?.FindFirstValue(CtiClaims.TenantId), out var id) ? id : null;
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>Registration of the audit log capability.</summary>
public static class AuditComposition
{
    /// <summary>The request's caller as the audit actor, and the audit log use case. (The retention job is scheduled by AddCtiScheduling.)</summary>
    public static IServiceCollection AddCtiAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<IAuditActor, HttpAuditActor>());
        services.AddScoped<AuditLog>();
        return services;
    }
}
