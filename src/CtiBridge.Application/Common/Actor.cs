using CtiBridge.Domain.Tenants;

namespace CtiBridge.Application.Common;

/// <summary>Who is asking: the signed-in user, as the Api read it from the token.</summary>
/// <param name="TenantId">The user's tenant; every use case works inside it.</param>
/// <param name="UserId">The user.</param>
/// <param name="Roles">The user's roles.</param>
/// <param name="IsPlatformAdmin">May manage tenants other than its own.</param>
public sealed record Actor(Guid TenantId, Guid UserId, UserRoles Roles, bool IsPlatformAdmin = false)
{
    /// <summary>True when the actor holds <paramref name="role"/>.</summary>
    public bool Has(UserRoles role) => (Roles & role) == role;
}
