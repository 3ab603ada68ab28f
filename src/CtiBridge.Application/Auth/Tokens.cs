using CtiBridge.Domain.Tenants;

namespace CtiBridge.Application.Auth;

/// <summary>What goes into an access token.</summary>
public sealed record SessionPrincipal(Guid TenantId, string TenantDomain, Guid UserId, string Username, string DisplayName, UserRoles Roles, bool IsPlatformAdmin);

/// <summary>A signed access token and when it expires.</summary>
public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues access tokens (the Api implements it with JWT).</summary>
public interface IAccessTokenIssuer
{
    IssuedAccessToken Issue(SessionPrincipal principal);
}
